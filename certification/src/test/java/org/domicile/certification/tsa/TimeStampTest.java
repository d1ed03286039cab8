package org.domicile.certification.tsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.cms.TestPki.Party;
import org.domicile.certification.signing.Crypto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeStampTest {

    private static final byte[] DATA = "evidence bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] IMPRINT = Sha256.of(DATA);
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

    private static Party tsaParty;
    private static Instant now;
    private static TimeStampAuthority tsa;
    private static X509Certificate ca;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        tsaParty = TestPki.issue(TestPki.ca(), "Domicile TSA", CertificateProfile.TIME_STAMPING);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tsa = new TimeStampAuthority(tsaParty.privateKey(), tsaParty.certificate(), Clock.fixed(now, ZoneOffset.UTC));
        ca = TestPki.ca().certificate();
    }

    @Test
    @DisplayName("Rule 20: stamp then verify returns genTime (milliseconds); the requested nonce is checked")
    void roundTrip() {
        BigInteger nonce = new BigInteger("1234567890123456789");
        byte[] token = tsa.stamp(IMPRINT, nonce);
        assertEquals(now, TimeStampCheck.verify(token, IMPRINT, ca));
        assertEquals(now, TimeStampCheck.verify(token, IMPRINT, nonce, ca));
        assertEquals(TimeStampException.Reason.NONCE_MISMATCH, assertThrows(TimeStampException.class,
                () -> TimeStampCheck.verify(token, IMPRINT, nonce.add(BigInteger.ONE), ca)).reason());
    }

    @Test
    @DisplayName("the token: DER, TSTInfo with SHA-256 imprint, our 2.25 UUID policy, a random 64-bit nonce, "
            + "the TSA certificate included, ESSCertIDv2, ecdsa-with-SHA256")
    void tokenFormat() throws Exception {
        assertEquals("2.25.301819827724093913974524942149608266152", TimeStampAuthority.POLICY_OID);
        byte[] token = tsa.stamp(IMPRINT);
        CMSSignedData signedData = new CMSSignedData(token);
        assertArrayEquals(token, signedData.toASN1Structure().getEncoded(ASN1Encoding.DER));
        TimeStampToken parsed = new TimeStampToken(signedData);
        assertEquals(TimeStampAuthority.POLICY_OID, parsed.getTimeStampInfo().getPolicy().getId());
        assertEquals(NISTObjectIdentifiers.id_sha256, parsed.getTimeStampInfo().getMessageImprintAlgOID());
        assertArrayEquals(IMPRINT, parsed.getTimeStampInfo().getMessageImprintDigest());
        assertNotNull(parsed.getTimeStampInfo().getNonce());
        assertTrue(parsed.getTimeStampInfo().getNonce().bitLength() <= 64);
        assertNotEquals(parsed.getTimeStampInfo().getNonce(),
                new TimeStampToken(new CMSSignedData(tsa.stamp(IMPRINT))).getTimeStampInfo().getNonce());
        assertEquals(1, parsed.getCertificates().getMatches(null).size());
        assertArrayEquals(tsaParty.certificate().getEncoded(),
                parsed.getCertificates().getMatches(null).iterator().next().getEncoded());
        SignerInformation signer = signedData.getSignerInfos().getSigners().iterator().next();
        assertNotNull(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        assertEquals("1.2.840.10045.4.3.2", signer.getEncryptionAlgOID());
    }

    @Test
    @DisplayName("Rule 20: the TSA certificate's only extended key usage is id-kp-timeStamping, and it is critical")
    void tsaCertificateEku() throws Exception {
        X509Certificate certificate = tsaParty.certificate();
        assertTrue(certificate.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE));
        assertEquals(List.of("1.3.6.1.5.5.7.3.8"), certificate.getExtendedKeyUsage());
    }

    @Test
    @DisplayName("Rule 20: openssl ts -verify accepts the token over the data with the CA and the TSA certificate")
    void opensslVerifies() throws Exception {
        Path data = Files.write(folder.resolve("ev.p7m"), DATA);
        Path tst = Files.write(folder.resolve("ev.tst"), tsa.stamp(IMPRINT));
        Path caPem = TestPki.writePem(folder.resolve("ca.pem"), ca);
        Path tsaPem = TestPki.writePem(folder.resolve("tsa.pem"), tsaParty.certificate());
        TestPki.Result result = TestPki.openssl("ts", "-verify", "-token_in", "-in", tst.toString(), "-data",
                data.toString(), "-CAfile", caPem.toString(), "-untrusted", tsaPem.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("Verification: OK"), result.output());

        Path other = Files.write(folder.resolve("other.p7m"), "other bytes".getBytes(StandardCharsets.UTF_8));
        TestPki.Result wrongData = TestPki.openssl("ts", "-verify", "-token_in", "-in", tst.toString(), "-data",
                other.toString(), "-CAfile", caPem.toString(), "-untrusted", tsaPem.toString());
        assertNotEquals(0, wrongData.exit(), "openssl must refuse the token for other data");
    }

    @Test
    @DisplayName("Rule 20: a token over other data is IMPRINT_MISMATCH")
    void imprintMismatch() {
        byte[] token = tsa.stamp(IMPRINT);
        assertEquals(TimeStampException.Reason.IMPRINT_MISMATCH, assertThrows(TimeStampException.class,
                () -> TimeStampCheck.verify(token, Sha256.of("other".getBytes(StandardCharsets.UTF_8)), ca)).reason());
    }

    @Test
    @DisplayName("Rule 20: a TSA certificate of another CA is UNTRUSTED_TSA")
    void otherCa() {
        Party foreign = TestPki.issue(TestPki.otherCa(), "Domicile TSA", CertificateProfile.TIME_STAMPING);
        byte[] token = new TimeStampAuthority(foreign.privateKey(), foreign.certificate(), Clock.systemUTC()).stamp(IMPRINT);
        assertEquals(TimeStampException.Reason.UNTRUSTED_TSA, assertThrows(TimeStampException.class,
                () -> TimeStampCheck.verify(token, IMPRINT, ca)).reason());
    }

    @Test
    @DisplayName("Rule 20: a token from a TSA whose certificate lacks the critical timeStamping EKU is refused "
            + "(by us and by openssl)")
    void tsaWithoutEku() throws Exception {
        KeyPair keys = Crypto.newEcKeyPair();
        List<X509Certificate> rogues = List.of(
                RogueTimeStamps.certificate(TestPki.ca(), keys.getPublic(), true),
                RogueTimeStamps.certificate(TestPki.ca(), keys.getPublic(), false, KeyPurposeId.id_kp_timeStamping),
                RogueTimeStamps.certificate(TestPki.ca(), keys.getPublic(), true, KeyPurposeId.id_kp_timeStamping,
                        KeyPurposeId.id_kp_emailProtection));
        for (X509Certificate rogue : rogues) {
            byte[] token = RogueTimeStamps.token(keys, rogue, IMPRINT, BigInteger.TWO);
            assertEquals(TimeStampException.Reason.NOT_A_TIME_STAMPING_CERTIFICATE, assertThrows(TimeStampException.class,
                    () -> TimeStampCheck.verify(token, IMPRINT, ca)).reason());
        }
        // The same hand-made token with a proper TSA certificate passes: the refusals above are about the EKU.
        byte[] proper = RogueTimeStamps.token(tsaParty.keys(), tsaParty.certificate(), IMPRINT, BigInteger.TWO);
        TimeStampCheck.verify(proper, IMPRINT, BigInteger.TWO, ca);

        Path data = Files.write(folder.resolve("d"), DATA);
        Path tst = Files.write(folder.resolve("rogue.tst"), RogueTimeStamps.token(keys, rogues.get(0), IMPRINT, BigInteger.TWO));
        Path caPem = TestPki.writePem(folder.resolve("ca.pem"), ca);
        Path roguePem = TestPki.writePem(folder.resolve("rogue.pem"), rogues.get(0));
        TestPki.Result result = TestPki.openssl("ts", "-verify", "-token_in", "-in", tst.toString(), "-data",
                data.toString(), "-CAfile", caPem.toString(), "-untrusted", roguePem.toString());
        assertNotEquals(0, result.exit(), "openssl must refuse a TSA certificate without the timeStamping EKU");
    }

    @Test
    @DisplayName("the authority refuses a certificate that is not a time-stamping certificate, and a wrong imprint size")
    void authorityRefusesBadSetup() {
        Party signer = TestPki.signer(TestPki.ca(), "not a TSA");
        assertThrows(IllegalArgumentException.class,
                () -> new TimeStampAuthority(signer.privateKey(), signer.certificate(), Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class,
                () -> new TimeStampAuthority(signer.privateKey(), tsaParty.certificate(), Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> tsa.stamp(new byte[20]));
        assertThrows(IllegalArgumentException.class, () -> tsa.stamp(IMPRINT, BigInteger.valueOf(-1)));
    }

    @Test
    @DisplayName("changes to the stamped time, imprint, signature, or garbage are refused")
    void tampering() {
        byte[] token = tsa.stamp(IMPRINT);
        for (int i = 0; i < token.length; i += 7) {
            byte[] flipped = TestPki.flip(token, i);
            try {
                Instant stamped = TimeStampCheck.verify(flipped, IMPRINT, ca);
                // A few bytes are outside the signature (e.g. unsigned set-ordering metadata); the time must not change.
                assertEquals(now, stamped, "flip at " + i + " changed the verified time");
            } catch (TimeStampException expected) {
                // refused: fine
            }
        }
        byte[] signatureFlipped = TestPki.flip(token, token.length - 3);
        assertEquals(TimeStampException.Reason.BAD_SIGNATURE, assertThrows(TimeStampException.class,
                () -> TimeStampCheck.verify(signatureFlipped, IMPRINT, ca)).reason());
        assertEquals(TimeStampException.Reason.MALFORMED, assertThrows(TimeStampException.class,
                () -> TimeStampCheck.verify("junk".getBytes(StandardCharsets.UTF_8), IMPRINT, ca)).reason());
        byte[] notATimeStamp = TestPki.signer(TestPki.ca(), "signer").signer().sign(DATA);
        assertEquals(TimeStampException.Reason.MALFORMED, assertThrows(TimeStampException.class,
                () -> TimeStampCheck.verify(notATimeStamp, IMPRINT, ca)).reason());
    }
}
