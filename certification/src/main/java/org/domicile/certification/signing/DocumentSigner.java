package org.domicile.certification.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Signs bytes with a private key (ECDSA P-256, SHA-256) on behalf of the holder of a certificate.
 *
 * <p>Thread-safe: a {@link Signature} object is stateful, so a new one is made for each call.
 */
public final class DocumentSigner {

    private static final byte[] SELF_TEST = "domicile signer self-test".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey key;
    private final X509Certificate certificate;

    /**
     * @param key         the private key, EC P-256
     * @param certificate the certificate of the matching public key
     * @throws IllegalArgumentException if either is null, the key is not P-256, or they do not match
     */
    public DocumentSigner(PrivateKey key, X509Certificate certificate) {
        if (key == null || certificate == null) {
            throw new IllegalArgumentException("signer needs both a private key and its certificate");
        }
        if (!Crypto.isP256(certificate.getPublicKey())) {
            throw new IllegalArgumentException("signer certificate must hold an EC P-256 public key");
        }
        this.key = key;
        this.certificate = certificate;
        // Catch a key/certificate mix-up now rather than with every signature a relying party rejects.
        byte[] probe;
        try {
            probe = sign(SELF_TEST);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("private key cannot produce SHA256withECDSA signatures", e);
        }
        if (!SignatureCheck.verify(certificate, SELF_TEST, probe)) {
            throw new IllegalArgumentException("private key does not match the signer certificate");
        }
    }

    /** The DER-encoded SHA256withECDSA signature of {@code data}. */
    public byte[] sign(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("data to sign must not be null");
        }
        try {
            Signature signature = Signature.getInstance(Crypto.SIGNATURE_ALGORITHM, Crypto.provider());
            signature.initSign(key, Crypto.random());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The certificate relying parties use to verify this signer's signatures. */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "DocumentSigner[serial=" + certificate.getSerialNumber().toString(16) + "]";
    }
}
