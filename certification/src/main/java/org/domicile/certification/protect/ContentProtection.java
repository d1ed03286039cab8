package org.domicile.certification.protect;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.domicile.certification.signing.Crypto;

/**
 * Confidentiality of a correspondence's content (SECURITY-BASELINE rule 18): the content is encrypted
 * with AES-256-GCM (JDK, 12-byte random IV, 128-bit tag, caller's associated data such as the
 * correspondence id); the fresh 32-byte content key is wrapped for every recipient in one CMS EnvelopedData,
 * one KeyAgreeRecipientInfo per recipient certificate: ephemeral-static ECDH on P-256 with the
 * dhSinglePass-stdDH-sha256kdf scheme and AES-256 key wrap (RFC 5753). No RSA, no PKCS#1 v1.5, no ECB.
 *
 * <p>The EnvelopedData's own content encryption (of the 32-byte key) is AES-256-CBC, the form OpenSSL's
 * {@code cms -decrypt} reads; it carries a random key only, so no padding oracle arises.
 *
 * <p>Thread-safe: holds no state.
 */
public final class ContentProtection {

    /** Content key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;
    private static final int KEY_AGREEMENT_BIT = 4;

    private ContentProtection() {
    }

    /**
     * Encrypts {@code plaintext} for the recipients.
     *
     * @param aad        associated data bound to the ciphertext (e.g. the correspondence id); may be empty
     * @param recipients EC P-256 certificates allowing key agreement (CertificateProfile.KEY_ENCIPHERMENT)
     * @throws IllegalArgumentException if an argument is missing or a recipient certificate is unsuitable
     */
    public static ProtectedContent protect(byte[] plaintext, byte[] aad, List<X509Certificate> recipients) {
        if (plaintext == null || aad == null) {
            throw new IllegalArgumentException("plaintext and associated data must not be null (aad may be empty)");
        }
        if (recipients == null || recipients.isEmpty() || recipients.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("protection needs at least one recipient certificate");
        }
        for (X509Certificate recipient : recipients) {
            checkRecipient(recipient);
        }
        byte[] key = new byte[KEY_BYTES];
        byte[] iv = new byte[ProtectedContent.IV_BYTES];
        Crypto.random().nextBytes(key);
        Crypto.random().nextBytes(iv);
        try {
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, key, iv, aad).doFinal(plaintext);
            return new ProtectedContent(iv, ciphertext, envelope(key, recipients));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException(ProtectionException.Reason.PROTECTION_FAILED, "AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Decrypts content protected for the holder of {@code recipientKey}.
     *
     * @param aad                  the same associated data as given to {@link #protect}
     * @param recipientKey         the recipient's EC private key
     * @param recipientCertificate the recipient's certificate (selects its RecipientInfo)
     * @throws ProtectionException if it is not for this recipient, or anything was changed
     */
    public static byte[] open(ProtectedContent content, byte[] aad, PrivateKey recipientKey,
                              X509Certificate recipientCertificate) {
        if (content == null || aad == null || recipientKey == null || recipientCertificate == null) {
            throw new IllegalArgumentException("opening needs the content, the associated data, the recipient's "
                    + "key and certificate");
        }
        byte[] key = unwrapKey(content.envelopedKey(), recipientKey, recipientCertificate);
        try {
            return gcm(Cipher.DECRYPT_MODE, key, content.iv(), aad).doFinal(content.ciphertext());
        } catch (AEADBadTagException e) {
            throw new ProtectionException(ProtectionException.Reason.TAMPERED,
                    "authentication failed: ciphertext, IV or associated data were changed", e);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED, "AES-GCM decryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Cipher gcm(int mode, byte[] key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION); // JDK provider: fast AES-GCM (STACK.md)
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad);
        return cipher;
    }

    private static byte[] envelope(byte[] key, List<X509Certificate> recipients) {
        try {
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            for (X509Certificate recipient : recipients) {
                // A fresh ephemeral key per recipient: one KeyAgreeRecipientInfo each.
                KeyPair ephemeral = Crypto.newEcKeyPair();
                generator.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                        ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                        .addRecipient(recipient)
                        .setProvider(Crypto.provider())
                        .setSecureRandom(Crypto.random()));
            }
            return generator.generate(new CMSProcessableByteArray(key),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC)
                            .setProvider(Crypto.provider())
                            .setSecureRandom(Crypto.random())
                            .build())
                    .toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CMSException | CertificateEncodingException | IOException | RuntimeException e) {
            throw new ProtectionException(ProtectionException.Reason.PROTECTION_FAILED,
                    "could not wrap the content key: " + e.getMessage(), e);
        }
    }

    private static byte[] unwrapKey(byte[] envelopedKey, PrivateKey recipientKey, X509Certificate certificate) {
        CMSEnvelopedData enveloped;
        try {
            enveloped = new CMSEnvelopedData(envelopedKey);
        } catch (CMSException | RuntimeException e) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED, "not a CMS EnvelopedData", e);
        }
        if (!CMSAlgorithm.AES256_CBC.getId().equals(enveloped.getEncryptionAlgOID())) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED,
                    "content key is not encrypted with AES-256-CBC but " + enveloped.getEncryptionAlgOID());
        }
        RecipientInformation recipient = enveloped.getRecipientInfos().get(new JceKeyAgreeRecipientId(certificate));
        if (recipient == null) {
            throw new ProtectionException(ProtectionException.Reason.NOT_A_RECIPIENT,
                    "the content key is not wrapped for certificate serial " + certificate.getSerialNumber().toString(16));
        }
        if (!CMSAlgorithm.ECDH_SHA256KDF.getId().equals(recipient.getKeyEncryptionAlgOID())) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED,
                    "key agreement is not dhSinglePass-stdDH-sha256kdf but " + recipient.getKeyEncryptionAlgOID());
        }
        byte[] key;
        try {
            key = recipient.getContent(new JceKeyAgreeEnvelopedRecipient(recipientKey).setProvider(Crypto.provider()));
        } catch (CMSException | RuntimeException e) {
            throw new ProtectionException(ProtectionException.Reason.KEY_UNWRAP_FAILED,
                    "the content key cannot be unwrapped with this private key", e);
        }
        if (key.length != KEY_BYTES) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED,
                    "the content key is " + key.length + " bytes, not " + KEY_BYTES);
        }
        return key;
    }

    private static void checkRecipient(X509Certificate recipient) {
        if (!Crypto.isP256(recipient.getPublicKey())) {
            throw new IllegalArgumentException("recipient certificate " + recipient.getSubjectX500Principal()
                    + " must hold an EC P-256 key");
        }
        boolean[] keyUsage = recipient.getKeyUsage();
        if (keyUsage == null || !keyUsage[KEY_AGREEMENT_BIT]) {
            throw new IllegalArgumentException("recipient certificate " + recipient.getSubjectX500Principal()
                    + " does not allow keyAgreement");
        }
    }
}
