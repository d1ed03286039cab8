package org.domicile.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.evidence.EvidenceCheck;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.evidence.SignedEvidence;
import org.domicile.certification.protect.ContentProtection;
import org.domicile.certification.protect.ContentSeal;
import org.domicile.certification.protect.ProtectedContent;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.ChainCheck;
import org.domicile.certification.token.TokenContent;
import org.domicile.certification.token.TokenKind;
import org.domicile.certification.tsa.TimeStampCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The crypto bound does the real work: what two correspondences produce verifies as the service's would. */
class CorrespondenceCryptoTest {

    @Test
    @DisplayName("Two correspondences: complete sound token chains, evidence that verifies, the text opened")
    void twoCorrespondencesVerify() {
        var parties = new CertificationParties();
        byte[] text = LetterText.utf8(4096);
        var work = new CorrespondenceCrypto(parties, text);
        var first = work.run();
        var second = work.run();
        assertNotEquals(first.correspondence(), second.correspondence());

        // An independent verifier, built from the CA certificate alone as an auditor would.
        var verifier = new CmsVerifier(parties.ca.certificate());
        var chains = new ChainCheck(verifier, parties.issuerCertificates());
        for (var outcome : List.of(first, second)) {
            assertEquals(4 * ProcessingStep.values().length, outcome.tokens().size());
            var result = chains.check(outcome.tokens());
            assertTrue(result.ok(), result.findings().toString());
            assertTrue(result.complete(), "the chain ends with the ARCHIVE countersignature");
            var last = result.tokens().get(result.tokens().size() - 1).content();
            assertEquals("ARCHIVE", last.step());
            assertEquals(TokenKind.COUNTERSIGNATURE, last.kind());
            assertEquals(outcome.correspondence(), last.correspondence());

            assertEquals(List.of(EvidenceEvent.SUBMISSION_ACCEPTANCE, EvidenceEvent.NOTIFICATION_FOR_ACCEPTANCE,
                    EvidenceEvent.CONSIGNMENT_NOTIFICATION, EvidenceEvent.CONSIGNMENT_ACCEPTANCE,
                    EvidenceEvent.CONTENT_HANDOVER), outcome.evidence().stream()
                    .map(e -> new EvidenceCheck(verifier).verify(e).record().event()).toList());
            for (SignedEvidence evidence : outcome.evidence()) {
                assertEquals(outcome.correspondence(), new EvidenceCheck(verifier).verify(evidence).record().messageId());
            }
            assertArrayEquals(text, outcome.opened(), "the recipient opens exactly the text");
        }
    }

    @Test
    @DisplayName("The chain names the real outputs: the sealed manifest, its time-stamp and the protected text")
    void stepOutputsAreReal() {
        var parties = new CertificationParties();
        byte[] text = "A short registered letter.\n".getBytes(StandardCharsets.UTF_8);
        var outcome = new CorrespondenceCrypto(parties, text).run();
        var verifier = new CmsVerifier(parties.ca.certificate());
        var tokens = outcome.tokens().stream().map(t -> CertificationTokens.open(t, verifier).content()).toList();

        // Token 4k+2 is the RETURN of step k; its output is the digest of what the step produced.
        assertEquals(Sha256.hexOf(outcome.seal()), returnOf(tokens, ProcessingStep.SEAL).output());
        assertEquals(Sha256.hexOf(outcome.timeStamp()), returnOf(tokens, ProcessingStep.TIMESTAMP).output());
        assertEquals(Sha256.hexOf(outcome.protectedText()), returnOf(tokens, ProcessingStep.PROTECT).output());

        byte[] manifest = ContentSeal.unseal(outcome.seal(), verifier);
        assertEquals(tokens.get(0).input(), Sha256.hexOf(manifest), "the chain starts from the sealed manifest");
        assertTrue(new String(manifest, StandardCharsets.UTF_8).contains("part:" + Sha256.hexOf(text) + ":"
                + text.length + ":message.txt\n"));
        TimeStampCheck.verify(outcome.timeStamp(), Sha256.of(outcome.seal()), parties.ca.certificate());

        var sender = parties.sender;
        byte[] forSender = ContentProtection.open(ProtectedContent.decode(outcome.protectedText()),
                outcome.correspondence().getBytes(StandardCharsets.UTF_8), sender.encryptionKey(),
                sender.encryptionCertificate());
        assertArrayEquals(text, forSender, "the sender can read his own correspondence too");
    }

    private static TokenContent returnOf(List<TokenContent> tokens, ProcessingStep step) {
        TokenContent token = tokens.get(4 * step.ordinal() + 2);
        assertEquals(TokenKind.RETURN, token.kind());
        assertEquals(step.name(), token.step());
        return token;
    }
}
