package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.evidence.EvidenceCheck;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.evidence.EvidenceIssuer;
import org.domicile.certification.evidence.EvidenceRecord;
import org.domicile.certification.evidence.PartyAssurance;
import org.domicile.certification.evidence.SignedEvidence;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.ChainCheck;
import org.domicile.certification.token.TokenContent;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.certification.tsa.TimeStampAuthority;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own signers (tokens, evidence, time-stamps) read by the independent offline
 * verifier: what the certification operator writes is what an auditor can check (rule 21).
 */
class RealChainBundleTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Rule 21: a chain and evidence made by the service's signers verify offline, and a changed byte does not")
    void serviceOutputVerifiesOffline() throws Exception {
        InternalCa ca = TestPki.ca();
        var server = TestPki.signer(ca, "Domicile Certification Server");
        var tsaKeys = TestPki.issue(ca, "Domicile Time-Stamping Authority", CertificateProfile.TIME_STAMPING);
        var submit = TestPki.signer(ca, "Domicile Submit operator");
        var seal = TestPki.signer(ca, "Domicile Seal operator");
        var tsa = new TimeStampAuthority(tsaKeys.privateKey(), tsaKeys.certificate(), java.time.Clock.systemUTC());

        byte[] message = "Dear Sir, please find our registered letter.".getBytes(StandardCharsets.UTF_8);
        String contentDigest = Sha256.hexOf(message);
        String correspondence = "corr-0001";
        Instant now = Instant.now();
        List<byte[]> tokens = new ArrayList<>();
        String previous = "";
        String input = contentDigest;
        for (var step : List.of(Map.entry("SUBMIT", submit), Map.entry("SEAL", seal))) {
            var operatorId = "op-" + step.getKey().toLowerCase();
            var order = TokenContent.order(CertificationTokens.newTokenId(), correspondence, step.getKey(),
                    operatorId, TrustLevel.SUBSTANTIAL, input, previous, now, now.plus(Duration.ofMinutes(1)),
                    List.of("SHA-256", "SHA256withECDSA"));
            byte[] orderBytes = CertificationTokens.sign(order, server.signer());
            String orderDigest = CertificationTokens.digestOf(orderBytes);
            byte[] ack = CertificationTokens.sign(order.acknowledgement(CertificationTokens.newTokenId(), orderDigest,
                    now), step.getValue().signer());
            String output = Sha256.hexOf((step.getKey() + input).getBytes(StandardCharsets.UTF_8));
            var ret = order.returnOf(CertificationTokens.newTokenId(), orderDigest, output, List.of("SHA-256"), now);
            byte[] retBytes = CertificationTokens.sign(ret, step.getValue().signer());
            byte[] counter = CertificationTokens.sign(ret.countersignature(CertificationTokens.newTokenId(),
                    CertificationTokens.digestOf(retBytes), now), server.signer());
            tokens.addAll(List.of(orderBytes, ack, retBytes, counter));
            previous = CertificationTokens.digestOf(counter);
            input = output;
        }
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        certificates.put("certification-server", server.certificate());
        certificates.put("tsa", tsaKeys.certificate());
        certificates.put("op-submit", submit.certificate());
        certificates.put("op-seal", seal.certificate());
        assertTrue(new ChainCheck(new CmsVerifier(ca.certificate()), certificates).check(tokens).ok());

        var issuer = new EvidenceIssuer(server.signer(), tsa);
        var record = new EvidenceRecord("ev-1", EvidenceEvent.SUBMISSION_ACCEPTANCE, now, "certification-server",
                correspondence, "alice", List.of("bob"), Map.of("message.txt", contentDigest),
                List.of(new PartyAssurance("alice", TrustLevel.SUBSTANTIAL, "password+sms")), "");
        SignedEvidence evidence = issuer.issue(record);
        new EvidenceCheck(new CmsVerifier(ca.certificate())).verify(evidence);

        var named = new ArrayList<NamedBytes>();
        String[] kinds = {"ORDER", "ACKNOWLEDGEMENT", "RETURN", "COUNTERSIGNATURE"};
        String[] steps = {"SUBMIT", "SEAL"};
        for (int i = 0; i < tokens.size(); i++) {
            named.add(new NamedBytes(BundleLayout.tokenName(i + 1, steps[i / 4], kinds[i % 4]), tokens.get(i)));
        }
        var contents = new BundleContents(correspondence, "Registered letter",
                new ReportModel.Party("alice", "SUBSTANTIAL", "password+sms"),
                List.of(new ReportModel.Party("bob", "SUBSTANTIAL", "password+sms")), "REGISTERED", "SUBSTANTIAL",
                named, List.of(new EvidenceFile(BundleLayout.evidenceName(1, "SubmissionAcceptance"),
                        evidence.cms(), evidence.timestamp())),
                certificates, ca.certificate(), Map.of("message.txt", contentDigest),
                List.of(new ReportModel.Event(now, "SubmissionAcceptance", "")),
                List.of(new ReportModel.Step("SUBMIT", "op-submit", now), new ReportModel.Step("SEAL", "op-seal", now)));
        var zip = new ByteArrayOutputStream();
        BundleWriter.write(contents, zip);
        Path bundle = Files.write(dir.resolve("bundle.zip"), zip.toByteArray());
        Path content = Files.write(dir.resolve("message.txt"), message);

        var report = new BundleVerifier().verify(bundle, Map.of("message.txt", content));
        assertTrue(report.allOk(), report.summary() + "\n" + report.failures());

        Path changed = Files.write(dir.resolve("message-changed.txt"), "Dear Sir, please find our registered letter!"
                .getBytes(StandardCharsets.UTF_8));
        var tampered = new BundleVerifier().verify(bundle, Map.of("message.txt", changed));
        assertFalse(tampered.allOk());
        assertEquals(1, tampered.failures().size(), tampered.failures().toString());
    }
}
