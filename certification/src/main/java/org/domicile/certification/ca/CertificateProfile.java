package org.domicile.certification.ca;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/** What a certificate issued by the {@link InternalCa} may be used for, as X.509 extensions. */
public enum CertificateProfile {

    /** A certificate authority: signs certificates and revocation lists. */
    CA,
    /** Document signatures with non-repudiation. */
    SIGNING,
    /** RFC 3161 time-stamping unit; the time-stamping extended key usage must be critical. */
    TIME_STAMPING,
    /**
     * Key agreement (ECDH), for encrypting correspondence to the holder. keyAgreement only: RFC 5480
     * section 3 does not allow keyEncipherment for EC public keys.
     */
    KEY_ENCIPHERMENT;

    /** Adds basic constraints, key usage and (for time-stamping) extended key usage. */
    void addExtensionsTo(X509v3CertificateBuilder builder) throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(this == CA));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageBits()));
        if (this == TIME_STAMPING) {
            // RFC 3161 section 2.3: the only extended key usage, and it MUST be critical.
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
    }

    private int keyUsageBits() {
        return switch (this) {
            case CA -> KeyUsage.keyCertSign | KeyUsage.cRLSign;
            case SIGNING -> KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            case TIME_STAMPING -> KeyUsage.digitalSignature;
            case KEY_ENCIPHERMENT -> KeyUsage.keyAgreement;
        };
    }
}
