package org.domicile.certification.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.domicile.certification.signing.Crypto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InternalCaTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String ID_KP_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    private static InternalCa ca;
    private static InternalCa otherCa;

    @BeforeAll
    static void setUp() {
        ca = InternalCa.create("Domicile Root", CLOCK);
        otherCa = InternalCa.create("Domicile Root", CLOCK); // same name, different key
    }

    private static X509Certificate issue(CertificateProfile profile) {
        return ca.issue("Leaf " + profile, Crypto.newEcKeyPair().getPublic(), profile, Duration.ofDays(90));
    }

    @Test
    @DisplayName("the root is self-signed, named CN=<name>, O=Domicile, a critical CA, valid 20 years")
    void rootCertificate() throws Exception {
        X509Certificate root = ca.certificate();
        assertEquals(new X500Principal("CN=Domicile Root, O=Domicile"), root.getSubjectX500Principal());
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        root.verify(root.getPublicKey());
        assertTrue(root.getBasicConstraints() >= 0);
        assertTrue(root.getCriticalExtensionOIDs().containsAll(List.of(BASIC_CONSTRAINTS, KEY_USAGE)));
        boolean[] usage = root.getKeyUsage();
        assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
        assertFalse(usage[0] || usage[1] || usage[2] || usage[3] || usage[4], "no end-entity usage");
        assertEquals(NOW.minus(1, ChronoUnit.MINUTES), root.getNotBefore().toInstant());
        assertEquals(NOW.atOffset(ZoneOffset.UTC).plusYears(20).toInstant(), root.getNotAfter().toInstant());
        assertNotNull(root.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
    }

    @Test
    @DisplayName("Rule 18: CA and issued keys are P-256, certificates signed with SHA256withECDSA")
    void p256AndSha256WithEcdsa() {
        assertTrue(Crypto.isP256(ca.certificate().getPublicKey()));
        assertEquals(ECDSA_WITH_SHA256, ca.certificate().getSigAlgOID());
        for (CertificateProfile profile : CertificateProfile.values()) {
            assertEquals(ECDSA_WITH_SHA256, issue(profile).getSigAlgOID(), profile.name());
        }
    }

    @Test
    @DisplayName("Rule 18: a subject key that is not P-256 is refused")
    void nonP256SubjectKeyRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.provider());
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        PublicKey p384 = generator.generateKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class,
                () -> ca.issue("x", p384, CertificateProfile.SIGNING, Duration.ofDays(1)));
    }

    @Test
    @DisplayName("serial numbers are random positive 128-bit values")
    void randomSerials() {
        BigInteger first = issue(CertificateProfile.SIGNING).getSerialNumber();
        BigInteger second = issue(CertificateProfile.SIGNING).getSerialNumber();
        assertEquals(1, first.signum());
        assertTrue(first.bitLength() <= 128 && first.bitLength() > 64, "a 128-bit random value");
        assertNotEquals(first, second);
        assertNotEquals(ca.certificate().getSerialNumber(), otherCa.certificate().getSerialNumber());
    }

    @Test
    @DisplayName("issued certificates chain-verify with the JDK and carry matching key identifiers")
    void issuedCertificatesChain() throws Exception {
        KeyPair subject = Crypto.newEcKeyPair();
        X509Certificate leaf = ca.issue("Signing unit", subject.getPublic(), CertificateProfile.SIGNING,
                Duration.ofDays(365));
        leaf.verify(ca.certificate().getPublicKey()); // throws if not signed by the CA
        assertEquals(ca.certificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(new X500Principal("CN=Signing unit, O=Domicile"), leaf.getSubjectX500Principal());
        assertEquals(subject.getPublic(), leaf.getPublicKey());
        assertEquals(-1, leaf.getBasicConstraints(), "end entity, CA=false");
        assertEquals(NOW.minus(1, ChronoUnit.MINUTES), leaf.getNotBefore().toInstant());
        assertEquals(NOW.plus(365, ChronoUnit.DAYS), leaf.getNotAfter().toInstant());

        byte[] caSki = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                ca.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets()).getKeyIdentifier();
        byte[] leafAki = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets()).getKeyIdentifierOctets();
        assertArrayEquals(caSki, leafAki);
        assertNotNull(leaf.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
    }

    @Test
    @DisplayName("issued() recognises its own certificates, not those of another CA, nor expired ones")
    void issuedRecognisesOwnCertificates() {
        X509Certificate mine = issue(CertificateProfile.SIGNING);
        X509Certificate foreign = otherCa.issue("Leaf", Crypto.newEcKeyPair().getPublic(), CertificateProfile.SIGNING,
                Duration.ofDays(90));
        assertTrue(ca.issued(mine));
        assertFalse(ca.issued(foreign), "same issuer name, other key");
        assertFalse(otherCa.issued(mine));
        assertFalse(ca.issued(null));
        InternalCa later = InternalCa.of(ca.privateKey(), ca.certificate(), Clock.offset(CLOCK, Duration.ofDays(91)));
        assertFalse(later.issued(mine), "expired");
        InternalCa earlier = InternalCa.of(ca.privateKey(), ca.certificate(), Clock.offset(CLOCK, Duration.ofMinutes(-2)));
        assertFalse(earlier.issued(mine), "not yet valid");
    }

    @Test
    @DisplayName("SIGNING: critical keyUsage digitalSignature + nonRepudiation only")
    void signingProfile() {
        X509Certificate cert = issue(CertificateProfile.SIGNING);
        assertTrue(cert.getCriticalExtensionOIDs().contains(KEY_USAGE));
        assertArrayEquals(new boolean[] {true, true, false, false, false, false, false, false, false}, cert.getKeyUsage());
    }

    @Test
    @DisplayName("TIME_STAMPING: critical id-kp-timeStamping EKU (RFC 3161) and critical digitalSignature")
    void timeStampingProfile() throws Exception {
        X509Certificate cert = issue(CertificateProfile.TIME_STAMPING);
        assertTrue(cert.getCriticalExtensionOIDs().contains(EXTENDED_KEY_USAGE));
        assertEquals(List.of(ID_KP_TIME_STAMPING), cert.getExtendedKeyUsage());
        assertTrue(cert.getCriticalExtensionOIDs().contains(KEY_USAGE));
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, false, false}, cert.getKeyUsage());
    }

    @Test
    @DisplayName("KEY_ENCIPHERMENT: critical keyUsage keyAgreement only (RFC 5480: no keyEncipherment on EC keys)")
    void keyEnciphermentProfile() throws Exception {
        X509Certificate cert = issue(CertificateProfile.KEY_ENCIPHERMENT);
        assertTrue(cert.getCriticalExtensionOIDs().contains(KEY_USAGE));
        assertArrayEquals(new boolean[] {false, false, false, false, true, false, false, false, false}, cert.getKeyUsage());
        assertEquals(null, cert.getExtendedKeyUsage());
    }

    @Test
    @DisplayName("only the CA profile yields a CA certificate")
    void caProfile() {
        X509Certificate sub = issue(CertificateProfile.CA);
        assertTrue(sub.getBasicConstraints() >= 0);
        assertTrue(sub.getCriticalExtensionOIDs().contains(BASIC_CONSTRAINTS));
        for (CertificateProfile profile : List.of(CertificateProfile.SIGNING, CertificateProfile.TIME_STAMPING,
                CertificateProfile.KEY_ENCIPHERMENT)) {
            assertEquals(-1, issue(profile).getBasicConstraints(), profile.name());
        }
    }

    @Test
    @DisplayName("a reopened CA issues certificates that chain to the same root")
    void reopen() throws Exception {
        InternalCa reopened = InternalCa.of(ca.privateKey(), ca.certificate(), CLOCK);
        X509Certificate leaf = reopened.issue("After restart", Crypto.newEcKeyPair().getPublic(),
                CertificateProfile.SIGNING, Duration.ofDays(1));
        leaf.verify(ca.certificate().getPublicKey());
        assertTrue(ca.issued(leaf));
    }

    @Test
    @DisplayName("reopening with a key that is not the certificate's, or a non-CA certificate, is refused")
    void reopenRejectsMismatch() {
        assertThrows(IllegalArgumentException.class, () -> InternalCa.of(otherCa.privateKey(), ca.certificate(), CLOCK));
        KeyPair leafKeys = Crypto.newEcKeyPair();
        X509Certificate leaf = ca.issue("Leaf", leafKeys.getPublic(), CertificateProfile.SIGNING, Duration.ofDays(1));
        assertThrows(IllegalArgumentException.class, () -> InternalCa.of(leafKeys.getPrivate(), leaf, CLOCK));
        assertThrows(IllegalArgumentException.class, () -> InternalCa.of(null, ca.certificate(), CLOCK));
    }

    @Test
    @DisplayName("bad issuing requests fail with IllegalArgumentException")
    void badRequests() {
        PublicKey key = Crypto.newEcKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class, () -> ca.issue(" ", key, CertificateProfile.SIGNING, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class,
                () -> ca.issue("x".repeat(65), key, CertificateProfile.SIGNING, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> ca.issue("x", null, CertificateProfile.SIGNING, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> ca.issue("x", key, null, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> ca.issue("x", key, CertificateProfile.SIGNING, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> ca.issue("x", key, CertificateProfile.SIGNING, Duration.ofDays(365 * 21)));
        assertThrows(IllegalArgumentException.class, () -> InternalCa.create("", CLOCK));
    }

    @Test
    @DisplayName("a common name with DN syntax cannot inject extra name attributes")
    void commonNameIsNotParsed() {
        X509Certificate cert = ca.issue("Evil, O=Other", Crypto.newEcKeyPair().getPublic(), CertificateProfile.SIGNING,
                Duration.ofDays(1));
        assertEquals(new X500Principal("CN=Evil\\, O\\=Other, O=Domicile"), cert.getSubjectX500Principal());
    }

    @Test
    @DisplayName("the CA's toString shows nothing of its private key")
    void toStringHidesKey() {
        String secret = ((ECPrivateKey) ca.privateKey()).getS().toString(16);
        assertFalse(ca.toString().contains(secret.substring(0, 12)));
    }
}
