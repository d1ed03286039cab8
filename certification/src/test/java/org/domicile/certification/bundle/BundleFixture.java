package org.domicile.certification.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.json.Json;
import org.domicile.certification.signing.Crypto;

/**
 * Test-only maker of evidence bundles, written with BouncyCastle directly (independent of the production
 * token and evidence signers): a CA, signer certificates, a token chain of a few steps, evidence records with
 * RFC 3161 time-stamps, two content parts.
 */
final class BundleFixture {

    static final String CORRESPONDENCE = "c-7f3e2a91-0b4d-4c55-9e1a-2d6f8b0c1e77";
    static final byte[] MESSAGE = "Dear Sir,\nplease find the signed contract attached.\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] ATTACHMENT = "%PDF-1.4 pretend contract\n".getBytes(StandardCharsets.US_ASCII);
    static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A private key with its certificate. */
    record Signer(PrivateKey key, X509Certificate certificate) {
    }

    final InternalCa ca = InternalCa.create("Domicile Test CA", Clock.systemUTC());
    final Map<String, Signer> signers = new TreeMap<>();
    final Instant start = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.MILLIS);
    private final List<String> steps;
    private int tokenCount;

    /** A fixture whose tokens cover these steps (in SPEC order) and with these evidence events. */
    BundleFixture(List<String> steps) {
        signer(BundleLayout.CERTIFICATION_SERVER, CertificateProfile.SIGNING);
        signer(BundleLayout.TSA, CertificateProfile.TIME_STAMPING);
        signer("sender", CertificateProfile.SIGNING);
        for (String step : steps) {
            signer(operator(step), CertificateProfile.SIGNING);
        }
        this.steps = List.copyOf(steps);
    }

    static String operator(String step) {
        return "op-" + step.toLowerCase();
    }

    Signer signer(String keyId, CertificateProfile profile) {
        KeyPair pair = Crypto.newEcKeyPair();
        Signer signer = new Signer(pair.getPrivate(),
                ca.issue(keyId, pair.getPublic(), profile, Duration.ofDays(365)));
        signers.put(keyId, signer);
        return signer;
    }

    static Map<String, String> contentDigests() {
        Map<String, String> digests = new TreeMap<>();
        digests.put("message.txt", Digests.sha256Hex(MESSAGE));
        digests.put("contract.pdf", Digests.sha256Hex(ATTACHMENT));
        return digests;
    }

    /** The whole bundle contents: tokens for every step, two evidence records. */
    BundleContents contents() {
        List<NamedBytes> tokens = new ArrayList<>();
        List<ReportModel.Step> reportSteps = new ArrayList<>();
        String previous = "";
        String input = Digests.sha256Hex(MESSAGE);
        for (String step : steps) {
            String op = operator(step);
            byte[] order = token(tokens, step, "ORDER", BundleLayout.CERTIFICATION_SERVER, op, "", previous, input, "");
            String orderDigest = Digests.sha256Hex(order);
            token(tokens, step, "ACKNOWLEDGEMENT", op, op, orderDigest, previous, input, "");
            String output = Digests.sha256Hex(("output of " + step).getBytes(StandardCharsets.UTF_8));
            byte[] ret = token(tokens, step, "RETURN", op, op, orderDigest, previous, input, output);
            byte[] counter = token(tokens, step, "COUNTERSIGNATURE", BundleLayout.CERTIFICATION_SERVER, op,
                    Digests.sha256Hex(ret), previous, input, output);
            reportSteps.add(new ReportModel.Step(step, op, time(tokenCount - 1)));
            previous = Digests.sha256Hex(counter);
            input = output;
        }
        List<EvidenceFile> evidence = new ArrayList<>();
        List<ReportModel.Event> events = new ArrayList<>();
        String[] names = {"SubmissionAcceptance", "ConsignmentAcceptance"};
        for (int i = 0; i < names.length; i++) {
            Instant at = Instant.now().minusSeconds(5 - i).truncatedTo(ChronoUnit.MILLIS);
            byte[] p7m = evidence(names[i], at, "", contentDigests());
            evidence.add(new EvidenceFile(BundleLayout.evidenceName(i + 1, names[i]), p7m, timeStamp(p7m)));
            events.add(new ReportModel.Event(at, names[i], ""));
        }
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        signers.forEach((id, s) -> certificates.put(id, s.certificate()));
        return new BundleContents(CORRESPONDENCE, "Signed contract",
                new ReportModel.Party("Alice Martin", "HIGH", "password + SMS code"),
                List.of(new ReportModel.Party("Bob Durand", "SUBSTANTIAL", "password + SMS code")),
                "registered letter with acknowledgement of receipt", "HIGH", tokens, evidence, certificates,
                ca.certificate(), contentDigests(), events, reportSteps);
    }

    /** The bundle ZIP bytes. */
    byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleWriter.write(contents(), out);
        return out.toByteArray();
    }

    private Instant time(int index) {
        return start.plusSeconds(index);
    }

    private byte[] token(List<NamedBytes> tokens, String step, String kind, String issuer, String op, String answers,
                         String previous, String input, String output) {
        Map<String, Object> json = tokenJson(step, kind, issuer, op, answers, previous, input, output,
                time(tokenCount));
        byte[] der = sign(Json.write(json).getBytes(StandardCharsets.UTF_8), signers.get(issuer));
        tokenCount++;
        tokens.add(new NamedBytes(BundleLayout.tokenName(tokens.size() + 1, step, kind), der));
        return der;
    }

    static Map<String, Object> tokenJson(String step, String kind, String issuer, String op, String answers,
                                         String previous, String input, String output, Instant issuedAt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("algorithms", List.of("SHA256withECDSA", "SHA-256"));
        json.put("answers", answers);
        json.put("correspondence", CORRESPONDENCE);
        json.put("deadline", kind.equals("ORDER") ? ISO.format(issuedAt.plusSeconds(3600)) : "");
        json.put("input", input);
        json.put("issuedAt", ISO.format(issuedAt));
        json.put("issuer", issuer);
        json.put("kind", kind);
        json.put("level", "HIGH");
        json.put("operator", op);
        json.put("output", output);
        json.put("previous", previous);
        json.put("step", step);
        json.put("tokenId", "t-" + step.toLowerCase() + "-" + kind.toLowerCase());
        json.put("version", 1);
        return json;
    }

    byte[] evidence(String event, Instant at, String reason, Map<String, String> digests) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("assurance", List.of(
                Map.of("authMethod", "password+sms", "level", "HIGH", "party", "alice"),
                Map.of("authMethod", "password+sms", "level", "SUBSTANTIAL", "party", "bob")));
        json.put("contentDigests", new TreeMap<>(digests));
        json.put("event", event);
        json.put("eventTime", ISO.format(at));
        json.put("evidenceId", "e-" + event);
        json.put("issuer", BundleLayout.CERTIFICATION_SERVER);
        json.put("messageId", CORRESPONDENCE);
        json.put("reason", reason);
        json.put("recipients", List.of("bob"));
        json.put("sender", "alice");
        json.put("version", 1);
        return sign(Json.write(json).getBytes(StandardCharsets.UTF_8), signers.get(BundleLayout.CERTIFICATION_SERVER));
    }

    /** CMS SignedData, DER, content attached, signed attributes, SHA256withECDSA, signer certificate included. */
    static byte[] sign(byte[] content, Signer signer) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(Crypto.provider()).build(signer.key());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.provider()).build())
                    .build(contentSigner, signer.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
            CMSSignedData data = generator.generate(new CMSProcessableByteArray(content), true);
            return data.getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3161 token over SHA-256(data), with nonce and the TSA certificate. */
    byte[] timeStamp(byte[] data) {
        Signer tsa = signers.get(BundleLayout.TSA);
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.provider()).build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Crypto.provider())
                            .build("SHA256withECDSA", tsa.key(), tsa.certificate()),
                    sha256, new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1"));
            generator.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, Digests.sha256(data),
                    new BigInteger(64, Crypto.random()));
            TimeStampToken token = generator.generate(request, new BigInteger(64, Crypto.random()), new Date());
            return token.toCMSSignedData().getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
