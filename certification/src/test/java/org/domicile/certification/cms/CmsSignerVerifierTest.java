package org.domicile.certification.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.cms.TestPki.Party;
import org.domicile.certification.signing.Crypto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsSignerVerifierTest {

    private static final byte[] CONTENT = "{\"kind\":\"ORDER\",\"step\":\"SEAL\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-21T07:00:00.789Z");

    private static Party server;
    private static CmsVerifier verifier;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        server = TestPki.signer(TestPki.ca(), "certification-server");
        verifier = new CmsVerifier(TestPki.ca().certificate());
    }

    private static CmsSigner signerAt(Party party, Instant at) {
        return new CmsSigner(party.privateKey(), party.certificate(), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("round trip: content, signer certificate and signing time (seconds) come back")
    void roundTrip() {
        byte[] cms = signerAt(server, Instant.now()).sign(CONTENT);
        CmsVerifier.Verified verified = verifier.verify(cms);
        assertArrayEquals(CONTENT, verified.content());
        assertEquals(server.certificate(), verified.signer());
        Instant now = Instant.now();
        assertTrue(!verified.signingTime().isAfter(now) && verified.signingTime().isAfter(now.minusSeconds(60)));
        assertEquals(0, verified.signingTime().getNano(), "UTCTime has whole seconds");
    }

    @Test
    @DisplayName("the shared byte format: DER ContentInfo, attached id-data, one SignerInfo, SHA-256, "
            + "ecdsa-with-SHA256, exactly contentType/messageDigest/signingTime, the signer certificate included")
    void byteFormat() throws Exception {
        byte[] cms = server.signer().sign(CONTENT);
        CMSSignedData parsed = new CMSSignedData(cms);
        assertArrayEquals(cms, parsed.toASN1Structure().getEncoded(ASN1Encoding.DER), "DER");
        assertEquals(CMSObjectIdentifiers.signedData, parsed.toASN1Structure().getContentType());
        assertEquals(CMSObjectIdentifiers.data, parsed.getSignedContentType());
        assertFalse(parsed.isDetachedSignature());
        assertArrayEquals(CONTENT, (byte[]) parsed.getSignedContent().getContent());
        assertEquals(1, parsed.getSignerInfos().size());
        SignerInformation signerInfo = parsed.getSignerInfos().getSigners().iterator().next();
        assertEquals(NISTObjectIdentifiers.id_sha256.getId(), signerInfo.getDigestAlgOID());
        assertEquals(X9ObjectIdentifiers.ecdsa_with_SHA256.getId(), signerInfo.getEncryptionAlgOID());
        Attribute[] signed = signerInfo.getSignedAttributes().toASN1Structure().getAttributes();
        assertEquals(3, signed.length);
        Set<ASN1ObjectIdentifier> types = Arrays.stream(signed).map(Attribute::getAttrType).collect(Collectors.toSet());
        assertEquals(Set.of(CMSAttributes.contentType, CMSAttributes.messageDigest, CMSAttributes.signingTime), types);
        assertNull(signerInfo.getUnsignedAttributes());
        List<X509CertificateHolder> certificates = new ArrayList<>(parsed.getCertificates().getMatches(null));
        assertEquals(1, certificates.size());
        assertArrayEquals(server.certificate().getEncoded(), certificates.get(0).getEncoded());
    }

    @Test
    @DisplayName("Rule 21: openssl cms -verify accepts it with only the CA certificate and outputs the content")
    void opensslVerifies() throws Exception {
        Path p7m = Files.write(folder.resolve("x.p7m"), server.signer().sign(CONTENT));
        Path caPem = TestPki.writePem(folder.resolve("ca.pem"), TestPki.ca().certificate());
        Path out = folder.resolve("content.out");
        TestPki.Result result = TestPki.openssl("cms", "-verify", "-inform", "DER", "-in", p7m.toString(),
                "-CAfile", caPem.toString(), "-purpose", "any", "-out", out.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("Verification successful"), result.output());
        assertArrayEquals(CONTENT, Files.readAllBytes(out));

        TestPki.Result defaultPurpose = TestPki.openssl("cms", "-verify", "-inform", "DER", "-in", p7m.toString(),
                "-CAfile", caPem.toString(), "-out", "/dev/null");
        assertEquals(0, defaultPurpose.exit(), "a SIGNING certificate also passes the default S/MIME purpose: "
                + defaultPurpose.output());

        Path otherCaPem = TestPki.writePem(folder.resolve("other.pem"), TestPki.otherCa().certificate());
        TestPki.Result wrongCa = TestPki.openssl("cms", "-verify", "-inform", "DER", "-in", p7m.toString(),
                "-CAfile", otherCaPem.toString(), "-purpose", "any", "-out", "/dev/null");
        assertNotEquals(0, wrongCa.exit(), "another CA with the same name must not verify it");
    }

    @Test
    @DisplayName("every single-bit change anywhere in the DER is refused")
    void everyBitFlipRefused() {
        byte[] cms = server.signer().sign(CONTENT);
        for (int i = 0; i < cms.length; i++) {
            byte[] flipped = TestPki.flip(cms, i);
            assertThrows(CmsException.class, () -> verifier.verify(flipped), "flip at byte " + i + " went unnoticed");
        }
        verifier.verify(cms); // the original still verifies
    }

    @Test
    @DisplayName("a change in the encapsulated content is reported as BAD_SIGNATURE")
    void alteredContent() {
        byte[] cms = server.signer().sign(CONTENT);
        int at = indexOf(cms, "ORDER".getBytes(StandardCharsets.UTF_8));
        byte[] altered = cms.clone();
        altered[at] = 'B'; // "BRDER": same length, still DER
        assertEquals(CmsException.Reason.BAD_SIGNATURE, assertThrows(CmsException.class,
                () -> verifier.verify(altered)).reason());
    }

    @Test
    @DisplayName("a signer from another CA with the same name is UNTRUSTED_SIGNER")
    void otherCa() {
        Party foreign = TestPki.signer(TestPki.otherCa(), "certification-server");
        CmsException e = assertThrows(CmsException.class, () -> verifier.verify(foreign.signer().sign(CONTENT)));
        assertEquals(CmsException.Reason.UNTRUSTED_SIGNER, e.reason());
        assertEquals(CmsException.Reason.UNTRUSTED_SIGNER, assertThrows(CmsException.class,
                () -> new CmsVerifier(TestPki.otherCa().certificate()).verify(server.signer().sign(CONTENT))).reason());
    }

    @Test
    @DisplayName("a signature made outside the signer certificate's validity is SIGNER_NOT_VALID")
    void signedOutsideValidity() {
        byte[] late = signerAt(server, Instant.now().plus(Duration.ofDays(31))).sign(CONTENT);
        assertEquals(CmsException.Reason.SIGNER_NOT_VALID, assertThrows(CmsException.class,
                () -> verifier.verify(late)).reason());
        byte[] early = signerAt(server, Instant.now().minus(Duration.ofDays(1))).sign(CONTENT);
        assertEquals(CmsException.Reason.SIGNER_NOT_VALID, assertThrows(CmsException.class,
                () -> verifier.verify(early)).reason());
    }

    @Test
    @DisplayName("time-stamping, key-agreement and CA certificates cannot sign documents: refused by the signer "
            + "up front and, in SignedData made otherwise, by the verifier")
    void wrongProfilesRefused() throws Exception {
        for (CertificateProfile profile : List.of(CertificateProfile.TIME_STAMPING, CertificateProfile.KEY_ENCIPHERMENT,
                CertificateProfile.CA)) {
            Party party = TestPki.issue(TestPki.ca(), "not a signer", profile);
            assertThrows(IllegalArgumentException.class, () -> new CmsSigner(party.privateKey(), party.certificate()),
                    profile.name());
            byte[] cms = bouncyCastleSigned(party, true);
            assertEquals(CmsException.Reason.UNTRUSTED_SIGNER, assertThrows(CmsException.class,
                    () -> verifier.verify(cms)).reason(), profile.name());
        }
    }

    /** SignedData made by BouncyCastle's defaults (which also add cmsAlgorithmProtect), DER. */
    private static byte[] bouncyCastleSigned(Party party, boolean attached) throws Exception {
        return bouncyCastleSignedData(party, attached).getEncoded(ASN1Encoding.DER);
    }

    private static CMSSignedData bouncyCastleSignedData(Party party, boolean attached) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.provider())
                        .build(party.privateKey()), party.certificate()));
        generator.addCertificate(new X509CertificateHolder(party.certificate().getEncoded()));
        return generator.generate(new CMSProcessableByteArray(CONTENT), attached);
    }

    @Test
    @DisplayName("detached, non-DER, not-SignedData and garbage inputs are refused with the structural reason")
    void structureRefused() throws Exception {
        byte[] attached = bouncyCastleSigned(server, true);
        assertArrayEquals(CONTENT, verifier.verify(attached).content(), "BouncyCastle's default form (DER) is accepted");
        byte[] detached = bouncyCastleSigned(server, false);
        assertEquals(CmsException.Reason.UNEXPECTED_STRUCTURE,
                assertThrows(CmsException.class, () -> verifier.verify(detached)).reason());

        byte[] ber = bouncyCastleSignedData(server, true).getEncoded(); // BouncyCastle writes BER by default
        assertFalse(Arrays.equals(attached, ber));
        assertEquals(CmsException.Reason.MALFORMED, assertThrows(CmsException.class, () -> verifier.verify(ber)).reason());

        assertEquals(CmsException.Reason.MALFORMED, assertThrows(CmsException.class,
                () -> verifier.verify("not CMS".getBytes(StandardCharsets.US_ASCII))).reason());
        assertEquals(CmsException.Reason.MALFORMED, assertThrows(CmsException.class, () -> verifier.verify(null)).reason());
        assertEquals(CmsException.Reason.MALFORMED, assertThrows(CmsException.class,
                () -> verifier.verify(server.certificate().getEncoded())).reason());
    }

    @Test
    @DisplayName("verified signer certificates are cached by their encoding, one entry per certificate")
    void signerCache() {
        CmsVerifier fresh = new CmsVerifier(TestPki.ca().certificate());
        Party operator = TestPki.signer(TestPki.ca(), "op-seal");
        for (int i = 0; i < 3; i++) {
            fresh.verify(server.signer().sign(CONTENT));
        }
        assertEquals(1, fresh.cachedSigners());
        fresh.verify(operator.signer().sign(CONTENT));
        assertEquals(2, fresh.cachedSigners());
        Party foreign = TestPki.signer(TestPki.otherCa(), "op-seal");
        assertThrows(CmsException.class, () -> fresh.verify(foreign.signer().sign(CONTENT)));
        assertEquals(2, fresh.cachedSigners(), "a refused certificate is not cached");
    }

    @Test
    @DisplayName("signer and verifier can be shared between threads")
    void threadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] content = ("content " + i).getBytes(StandardCharsets.UTF_8);
                futures.add(pool.submit(() -> verifier.verify(server.signer().sign(content)).content()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(("content " + i).getBytes(StandardCharsets.UTF_8), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("bad constructor arguments are refused up front")
    void badArguments() {
        Party other = TestPki.signer(TestPki.ca(), "other");
        assertThrows(IllegalArgumentException.class, () -> new CmsSigner(other.privateKey(), server.certificate()));
        assertThrows(IllegalArgumentException.class, () -> new CmsSigner(null, server.certificate()));
        assertThrows(IllegalArgumentException.class, () -> new CmsVerifier(server.certificate()), "not a CA");
        assertThrows(IllegalArgumentException.class, () -> new CmsVerifier(null));
        assertThrows(IllegalArgumentException.class, () -> server.signer().sign(null));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
