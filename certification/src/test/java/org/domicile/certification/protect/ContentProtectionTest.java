package org.domicile.certification.protect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.cms.TestPki.Party;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentProtectionTest {

    private static final byte[] PLAINTEXT = "Dear Bob, the contract is attached. — Alice".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "corr-2026-0001".getBytes(StandardCharsets.UTF_8);

    private static Party bob;
    private static Party carol;
    private static Party mallory;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        bob = TestPki.issue(TestPki.ca(), "user-bob", CertificateProfile.KEY_ENCIPHERMENT);
        carol = TestPki.issue(TestPki.ca(), "user-carol", CertificateProfile.KEY_ENCIPHERMENT);
        mallory = TestPki.issue(TestPki.ca(), "user-mallory", CertificateProfile.KEY_ENCIPHERMENT);
    }

    private static ProtectedContent protectForBobAndCarol() {
        return ContentProtection.protect(PLAINTEXT, AAD, List.of(bob.certificate(), carol.certificate()));
    }

    @Test
    @DisplayName("every recipient opens it; the container survives encode/decode")
    void roundTrip() {
        ProtectedContent sealed = protectForBobAndCarol();
        assertArrayEquals(PLAINTEXT, ContentProtection.open(sealed, AAD, bob.privateKey(), bob.certificate()));
        ProtectedContent decoded = ProtectedContent.decode(sealed.encode());
        assertEquals(sealed, decoded);
        assertArrayEquals(PLAINTEXT, ContentProtection.open(decoded, AAD, carol.privateKey(), carol.certificate()));
        assertArrayEquals(new byte[0], ContentProtection.open(ContentProtection.protect(new byte[0], new byte[0],
                List.of(bob.certificate())), new byte[0], bob.privateKey(), bob.certificate()));
    }

    @Test
    @DisplayName("Rule 18: AES-256-GCM with a fresh 12-byte IV and 16-byte tag; one ECDH KeyAgreeRecipientInfo per "
            + "recipient (dhSinglePass-stdDH-sha256kdf, AES-256 key wrap, own ephemeral key); no RSA")
    void algorithms() throws Exception {
        ProtectedContent sealed = protectForBobAndCarol();
        assertEquals(12, sealed.iv().length);
        assertEquals(PLAINTEXT.length + 16, sealed.ciphertext().length);
        assertFalse(Arrays.equals(sealed.iv(), protectForBobAndCarol().iv()));

        CMSEnvelopedData enveloped = new CMSEnvelopedData(sealed.envelopedKey());
        assertEquals(CMSAlgorithm.AES256_CBC.getId(), enveloped.getEncryptionAlgOID());
        List<RecipientInformation> recipients = new ArrayList<>(enveloped.getRecipientInfos().getRecipients());
        assertEquals(2, recipients.size());
        for (RecipientInformation recipient : recipients) {
            assertTrue(recipient instanceof KeyAgreeRecipientInformation);
            assertEquals(CMSAlgorithm.ECDH_SHA256KDF.getId(), recipient.getKeyEncryptionAlgOID());
            AlgorithmIdentifier wrap = AlgorithmIdentifier.getInstance(recipient.getKeyEncryptionAlgorithm().getParameters());
            assertEquals(CMSAlgorithm.AES256_WRAP, wrap.getAlgorithm());
        }
        EnvelopedData asn1 = EnvelopedData.getInstance(ContentInfo.getInstance(sealed.envelopedKey()).getContent());
        assertEquals(2, asn1.getRecipientInfos().size());
        KeyAgreeRecipientInfo first = KeyAgreeRecipientInfo.getInstance(RecipientInfo.getInstance(
                asn1.getRecipientInfos().getObjectAt(0)).getInfo());
        KeyAgreeRecipientInfo second = KeyAgreeRecipientInfo.getInstance(RecipientInfo.getInstance(
                asn1.getRecipientInfos().getObjectAt(1)).getInfo());
        assertEquals(1, first.getRecipientEncryptedKeys().size());
        assertNotEquals(first.getOriginator(), second.getOriginator(), "each recipient has its own ephemeral key");
    }

    @Test
    @DisplayName("openssl cms -decrypt recovers the 32-byte content key, which decrypts the content")
    void opensslRecoversKey() throws Exception {
        ProtectedContent sealed = protectForBobAndCarol();
        Path p7m = Files.write(folder.resolve("key.p7m"), sealed.envelopedKey());
        Path certPem = TestPki.writePem(folder.resolve("cert.pem"), carol.certificate());
        Path keyPem = TestPki.writePrivateKeyPem(folder.resolve("key.pem"), carol.privateKey());
        Path keyOut = folder.resolve("key.bin");
        TestPki.Result result = TestPki.openssl("cms", "-decrypt", "-inform", "DER", "-in", p7m.toString(),
                "-recip", certPem.toString(), "-inkey", keyPem.toString(), "-out", keyOut.toString());
        assertEquals(0, result.exit(), result.output());
        byte[] key = Files.readAllBytes(keyOut);
        assertEquals(32, key.length);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed.iv()));
        cipher.updateAAD(AAD);
        assertArrayEquals(PLAINTEXT, cipher.doFinal(sealed.ciphertext()));

        Path malloryCert = TestPki.writePem(folder.resolve("mallory.pem"), mallory.certificate());
        Path malloryKey = TestPki.writePrivateKeyPem(folder.resolve("mallory-key.pem"), mallory.privateKey());
        TestPki.Result refused = TestPki.openssl("cms", "-decrypt", "-inform", "DER", "-in", p7m.toString(),
                "-recip", malloryCert.toString(), "-inkey", malloryKey.toString(), "-out", "/dev/null");
        assertNotEquals(0, refused.exit(), "a non-recipient must not decrypt the key");
    }

    @Test
    @DisplayName("a changed ciphertext, IV or associated data is TAMPERED")
    void tampering() {
        ProtectedContent sealed = protectForBobAndCarol();
        ProtectedContent ciphertext = new ProtectedContent(sealed.iv(), TestPki.flip(sealed.ciphertext(), 3),
                sealed.envelopedKey());
        ProtectedContent tag = new ProtectedContent(sealed.iv(),
                TestPki.flip(sealed.ciphertext(), sealed.ciphertext().length - 1), sealed.envelopedKey());
        ProtectedContent iv = new ProtectedContent(TestPki.flip(sealed.iv(), 0), sealed.ciphertext(), sealed.envelopedKey());
        for (ProtectedContent changed : List.of(ciphertext, tag, iv)) {
            assertEquals(ProtectionException.Reason.TAMPERED, assertThrows(ProtectionException.class,
                    () -> ContentProtection.open(changed, AAD, bob.privateKey(), bob.certificate())).reason());
        }
        assertEquals(ProtectionException.Reason.TAMPERED, assertThrows(ProtectionException.class,
                () -> ContentProtection.open(sealed, "corr-2026-0002".getBytes(StandardCharsets.UTF_8), bob.privateKey(),
                        bob.certificate())).reason());
    }

    @Test
    @DisplayName("a non-recipient cannot open it, not even with a recipient's certificate")
    void nonRecipient() {
        ProtectedContent sealed = protectForBobAndCarol();
        assertEquals(ProtectionException.Reason.NOT_A_RECIPIENT, assertThrows(ProtectionException.class,
                () -> ContentProtection.open(sealed, AAD, mallory.privateKey(), mallory.certificate())).reason());
        assertEquals(ProtectionException.Reason.KEY_UNWRAP_FAILED, assertThrows(ProtectionException.class,
                () -> ContentProtection.open(sealed, AAD, mallory.privateKey(), bob.certificate())).reason());
    }

    @Test
    @DisplayName("recipients need a P-256 certificate allowing keyAgreement; there must be at least one")
    void recipientsChecked() {
        Party signer = TestPki.signer(TestPki.ca(), "signer only");
        assertThrows(IllegalArgumentException.class,
                () -> ContentProtection.protect(PLAINTEXT, AAD, List.of(signer.certificate())));
        assertThrows(IllegalArgumentException.class, () -> ContentProtection.protect(PLAINTEXT, AAD, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ContentProtection.protect(PLAINTEXT, null, List.of(bob.certificate())));
    }

    @Test
    @DisplayName("the container format is checked: magic, lengths, no trailing bytes")
    void containerChecked() {
        byte[] encoded = protectForBobAndCarol().encode();
        assertEquals("DPC1", new String(encoded, 0, 4, StandardCharsets.US_ASCII));
        List<byte[]> bad = List.of(new byte[0], Arrays.copyOf(encoded, encoded.length - 1),
                Arrays.copyOf(encoded, encoded.length + 1), TestPki.flip(encoded, 0), lengthTooLong(encoded));
        for (byte[] bytes : bad) {
            assertEquals(ProtectionException.Reason.MALFORMED, assertThrows(ProtectionException.class,
                    () -> ProtectedContent.decode(bytes)).reason());
        }
        ProtectedContent garbageKey = new ProtectedContent(new byte[12], new byte[16], new byte[] {1, 2, 3});
        assertEquals(ProtectionException.Reason.MALFORMED, assertThrows(ProtectionException.class,
                () -> ContentProtection.open(garbageKey, AAD, bob.privateKey(), bob.certificate())).reason());
    }

    private static byte[] lengthTooLong(byte[] encoded) {
        byte[] copy = encoded.clone();
        copy[4] = 0x7f; // first length field (IV) now claims about 2 GB
        return copy;
    }
}
