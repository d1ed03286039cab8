package org.domicile.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.domicile.benchmark.CertificationParties.User;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.evidence.EvidenceRecord;
import org.domicile.certification.evidence.PartyAssurance;
import org.domicile.certification.evidence.SignedEvidence;
import org.domicile.certification.protect.ContentProtection;
import org.domicile.certification.protect.ContentSeal;
import org.domicile.certification.protect.ProtectedContent;
import org.domicile.certification.secret.IssuedSecret;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.SpecificationCheck;
import org.domicile.certification.token.TokenContent;
import org.domicile.certification.token.VerifiedToken;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.SignedTrustDecision;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.certification.trust.TrustQuery;

/**
 * The certification work of one registered correspondence with one recipient, as the service does it, and
 * nothing else (no HTTP, no database, no text messages):
 * <ol>
 *   <li>the sender's correspondence session: a signed trust decision over sender, recipient and the eight
 *       operators, checked against the pinned certificate, and a one-time secret bound to the content
 *       digest, issued and checked;</li>
 *   <li>eight steps, each ORDER signed by the certification server, opened by the operator, who signs an
 *       ACKNOWLEDGEMENT and, after the work, a RETURN; the server opens the RETURN, checks it against the
 *       operator's specification and signs a COUNTERSIGNATURE;</li>
 *   <li>the work of three steps: SEAL signs the content manifest with the sender's key, TIMESTAMP stamps
 *       the seal (RFC 3161), PROTECT encrypts the text for the recipient and the sender;</li>
 *   <li>five evidence records, each signed and time-stamped;</li>
 *   <li>the recipient's session (trust decision and one-time secret) and his opening of the content.</li>
 * </ol>
 * Per correspondence: 46 ECDSA signatures (32 tokens, 5 evidence, 6 time-stamps, 1 seal, 2 decisions),
 * 18 signature checks (16 tokens, 2 decisions), 3 ECDH agreements, AES-256-GCM over the text twice.
 *
 * <p>Thread-safe: every call works on its own correspondence; the parties are shared.
 */
final class CorrespondenceCrypto {

    private static final String KIND = "REGISTERED";
    private static final TrustLevel LEVEL = TrustLevel.SUBSTANTIAL;
    private static final String AUTH_METHOD = "password+sms-otp";
    private static final String TEXT_PART = "message.txt";

    /**
     * What one correspondence produced, kept so that a check can prove the work was real.
     *
     * @param correspondence its id
     * @param tokens         the 32 tokens of its chain, in the order they were made
     * @param evidence       its five evidence records
     * @param seal           the output of SEAL: the manifest signed by the sender
     * @param timeStamp      the output of TIMESTAMP: the RFC 3161 token over the seal's SHA-256
     * @param protectedText  the output of PROTECT: the encrypted text with its content key for two parties
     * @param opened         the text as the recipient decrypted it
     */
    record Outcome(String correspondence, List<byte[]> tokens, List<SignedEvidence> evidence, byte[] seal,
                   byte[] timeStamp, byte[] protectedText, byte[] opened) {
    }

    private final CertificationParties parties;
    private final byte[] text;
    private final String subject;

    /**
     * @param parties the keys of the installation
     * @param text    the correspondence's text (UTF-8), e.g. 4 KB
     */
    CorrespondenceCrypto(CertificationParties parties, byte[] text) {
        this.parties = parties;
        this.text = text.clone();
        this.subject = "Registered letter";
    }

    /** Does all the work of one new correspondence. */
    Outcome run() {
        String id = "corr-" + CertificationTokens.newTokenId();
        User sender = parties.sender;
        User recipient = parties.recipient;
        String textDigest = Sha256.hexOf(text);
        byte[] manifest = manifest(recipient.party(), textDigest);
        byte[] contentDigest = Sha256.of(manifest);
        byte[] associatedData = id.getBytes(StandardCharsets.UTF_8);

        openSession(sender, recipient.party(), contentDigest);
        Chain chain = new Chain(id, Sha256.hex(contentDigest));
        List<SignedEvidence> evidence = new ArrayList<>(5);
        Map<String, String> parts = Map.of(TEXT_PART, textDigest);

        chain.step(ProcessingStep.SUBMIT, () -> manifest);
        evidence.add(evidence(EvidenceEvent.SUBMISSION_ACCEPTANCE, id, parts));
        byte[] seal = chain.step(ProcessingStep.SEAL, () -> ContentSeal.seal(manifest, sender.signer()));
        byte[] timeStamp = chain.step(ProcessingStep.TIMESTAMP, () -> parties.timeStamps.stamp(Sha256.of(seal)));
        byte[] protectedContent = chain.step(ProcessingStep.PROTECT, () -> ContentProtection.protect(text,
                associatedData, List.of(recipient.encryptionCertificate(), sender.encryptionCertificate())).encode());
        chain.step(ProcessingStep.CHARGE, () -> record("charge", id, KIND, "1"));
        chain.step(ProcessingStep.DELIVER, () -> record("delivered", id, recipient.party().toString()));
        evidence.add(evidence(EvidenceEvent.NOTIFICATION_FOR_ACCEPTANCE, id, parts));
        evidence.add(evidence(EvidenceEvent.CONSIGNMENT_NOTIFICATION, id, parts));

        openSession(recipient, sender.party(), contentDigest);
        byte[] opened = ContentProtection.open(ProtectedContent.decode(protectedContent), associatedData,
                recipient.encryptionKey(), recipient.encryptionCertificate());
        chain.step(ProcessingStep.HANDOVER, () -> record("accepted", id, recipient.party().toString(),
                Sha256.hexOf(opened)));
        evidence.add(evidence(EvidenceEvent.CONSIGNMENT_ACCEPTANCE, id, parts));
        evidence.add(evidence(EvidenceEvent.CONTENT_HANDOVER, id, parts));
        chain.step(ProcessingStep.ARCHIVE, () -> record("archived", id, Sha256.hexOf(protectedContent)));
        return new Outcome(id, List.copyOf(chain.tokens), List.copyOf(evidence), seal, timeStamp, protectedContent,
                opened);
    }

    /**
     * A correspondence session: the certification server decides on every party of the correspondence and
     * the whole chain and signs; the domiciliation server checks the signature against the certificate it
     * pins; a one-time secret bound to the content is issued, and the code the user types is checked.
     */
    private void openSession(User user, PartyRef counterpart, byte[] contentDigest) {
        List<PartyRef> involved = new ArrayList<>();
        involved.add(user.party());
        involved.add(counterpart);
        involved.addAll(parties.operatorParties());
        SignedTrustDecision decision = parties.trust.decide(new TrustQuery(LEVEL, involved, "correspondence"));
        if (!decision.verify(parties.serverCertificate()) || !decision.decision().granted()) {
            throw new IllegalStateException("trust decision refused or not verified: " + decision);
        }
        String challengeId = CertificationTokens.newTokenId();
        IssuedSecret secret = parties.secrets.issue(challengeId, contentDigest);
        if (!parties.secrets.matches(secret.form(), challengeId, contentDigest, secret.code())) {
            throw new IllegalStateException("the one-time secret did not match");
        }
    }

    private SignedEvidence evidence(EvidenceEvent event, String id, Map<String, String> parts) {
        String sender = parties.sender.party().toString();
        String recipient = parties.recipient.party().toString();
        return parties.evidence.issue(new EvidenceRecord(CertificationTokens.newTokenId(), event, Instant.now(),
                CertificationTokens.CERTIFICATION_SERVER, id, sender, List.of(recipient), parts,
                List.of(new PartyAssurance(sender, LEVEL, AUTH_METHOD), new PartyAssurance(recipient, LEVEL,
                        AUTH_METHOD)), ""));
    }

    /** The content manifest in the server's canonical form: what is sealed and what the code confirms. */
    private byte[] manifest(PartyRef recipient, String textDigest) {
        return ("domicile-correspondence-manifest/1\n"
                + "kind:" + KIND + "\n"
                + "subject:" + subject + "\n"
                + "recipient:" + recipient.kind().name() + ":" + recipient.id() + "\n"
                + "part:" + textDigest + ":" + text.length + ":" + TEXT_PART + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A small output record of a step without cryptographic work of its own (postage, delivery, archive). */
    private static byte[] record(String... fields) {
        return String.join(":", fields).getBytes(StandardCharsets.UTF_8);
    }

    /** The token chain of one correspondence, built step by step as the certification server drives it. */
    private final class Chain {
        private final String correspondence;
        private final List<byte[]> tokens = new ArrayList<>(4 * ProcessingStep.values().length);
        private String input;
        private String previous = "";

        Chain(String correspondence, String contentDigest) {
            this.correspondence = correspondence;
            this.input = contentDigest;
        }

        /** ORDER, ACKNOWLEDGEMENT, the operator's work, RETURN, check, COUNTERSIGNATURE; the work's output. */
        byte[] step(ProcessingStep step, Supplier<byte[]> work) {
            Instant now = Instant.now();
            TokenContent order = TokenContent.order(CertificationTokens.newTokenId(), correspondence, step.name(),
                    step.operatorId(), LEVEL, input, previous, now, now.plus(step.deadline()), step.algorithms());
            byte[] orderToken = CertificationTokens.sign(order, parties.server);

            // The operator: opens the ORDER, acknowledges it, does the work, returns the output's digest.
            CmsSigner operator = parties.operator(step);
            VerifiedToken received = CertificationTokens.open(orderToken, parties.verifier);
            if (!received.content().operator().equals(step.operatorId())) {
                throw new IllegalStateException("ORDER for another operator: " + received.content().operator());
            }
            byte[] acknowledgement = CertificationTokens.sign(received.content().acknowledgement(
                    CertificationTokens.newTokenId(), received.digest(), Instant.now()), operator);
            byte[] output = work.get();
            byte[] returnToken = CertificationTokens.sign(received.content().returnOf(CertificationTokens.newTokenId(),
                    received.digest(), Sha256.hexOf(output), step.algorithms(), Instant.now()), operator);

            // The certification server: opens the RETURN, checks signer and specification, countersigns.
            VerifiedToken returned = CertificationTokens.open(returnToken, parties.verifier);
            if (!sameCertificate(returned.signer(), operator.certificate())) {
                throw new IllegalStateException("RETURN of " + step + " not signed by its operator");
            }
            VerifiedToken issued = new VerifiedToken(order, parties.server.certificate(),
                    CertificationTokens.digestOf(orderToken));
            String stored = Sha256.hexOf(output);
            List<SpecificationCheck.Failure> failures = SpecificationCheck.check(issued, returned,
                    parties.specification(step), stored, Instant.now());
            if (!failures.isEmpty()) {
                throw new IllegalStateException("RETURN of " + step + " fails its specification: " + failures);
            }
            byte[] countersignature = CertificationTokens.sign(returned.content().countersignature(
                    CertificationTokens.newTokenId(), returned.digest(), Instant.now()), parties.server);

            tokens.addAll(List.of(orderToken, acknowledgement, returnToken, countersignature));
            previous = CertificationTokens.digestOf(countersignature);
            input = stored;
            return output;
        }
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }
}
