package org.domicile.certification.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;

/**
 * The certification operator's internal certificate authority: a self-signed P-256 root that issues
 * certificates for the operator's own signing, time-stamping and encryption keys.
 *
 * <p>Thread-safe: holds only immutable state.
 */
public final class InternalCa {

    private static final int ROOT_YEARS = 20;
    private static final int SERIAL_BYTES = 16;
    private static final int MAX_COMMON_NAME = 64; // X.520 upper bound ub-common-name
    private static final Duration BACKDATE = Duration.ofMinutes(1);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;

    private InternalCa(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** Creates a new CA: fresh P-256 key, self-signed root "CN=commonName, O=Domicile", valid 20 years. */
    public static InternalCa create(String commonName, Clock clock) {
        X500Name subject = subject(commonName);
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        KeyPair keyPair = Crypto.newEcKeyPair();
        Instant now = clock.instant();
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(ROOT_YEARS).toInstant();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), subject, keyPair.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            CertificateProfile.CA.addExtensionsTo(builder);
            return new InternalCa(keyPair.getPrivate(), sign(builder, keyPair.getPrivate()), clock);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not create the CA certificate", e);
        }
    }

    /**
     * Reopens a stored CA.
     *
     * @throws IllegalArgumentException if the certificate is not a CA certificate or does not match the key
     */
    public static InternalCa of(PrivateKey key, X509Certificate certificate, Clock clock) {
        if (key == null || certificate == null || clock == null) {
            throw new IllegalArgumentException("a CA needs its private key, its certificate and a clock");
        }
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("certificate is not a CA certificate (basicConstraints CA=false)");
        }
        new DocumentSigner(key, certificate); // throws IllegalArgumentException if key and certificate differ
        return new InternalCa(key, certificate, clock);
    }

    /** The CA certificate, to be trusted by relying parties. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA private key, for storing it (see {@link KeyStoreFile}); never log or expose it otherwise. */
    public PrivateKey privateKey() {
        return key;
    }

    /**
     * Issues a certificate "CN=commonName, O=Domicile" for {@code subjectKey}, valid from one minute ago
     * (tolerates clock skew) for {@code validity}.
     *
     * @throws IllegalArgumentException if the name is blank or too long, the key is not P-256, or the
     *                                  validity is not positive or would outlast this CA
     */
    public X509Certificate issue(String commonName, PublicKey subjectKey, CertificateProfile profile,
                                 Duration validity) {
        X500Name subject = subject(commonName);
        if (subjectKey == null || !Crypto.isP256(subjectKey)) {
            throw new IllegalArgumentException("subject key must be an EC P-256 public key");
        }
        if (profile == null) {
            throw new IllegalArgumentException("certificate profile must not be null");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be a positive duration");
        }
        Instant now = clock.instant();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
            throw new IllegalArgumentException("validity would outlast the CA certificate, which expires "
                    + certificate.getNotAfter().toInstant());
        }
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, randomSerial(),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), subject, subjectKey);
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKey));
            profile.addExtensionsTo(builder);
            return sign(builder, key);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not issue a certificate", e);
        }
    }

    /** True iff this CA's key signed {@code cert} and it is valid now (per this CA's clock). */
    public boolean issued(X509Certificate cert) {
        if (cert == null || !cert.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(certificate.getPublicKey(), Crypto.provider());
            cert.checkValidity(Date.from(clock.instant()));
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "InternalCa[serial=" + certificate.getSerialNumber().toString(16) + "]";
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(Crypto.SIGNATURE_ALGORITHM)
                    .setProvider(Crypto.provider())
                    .setSecureRandom(Crypto.random())
                    .build(signingKey);
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().setProvider(Crypto.provider()).getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no SHA256withECDSA signer for the CA key", e);
        }
    }

    private static X500Name subject(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("common name must not be null or blank");
        }
        if (commonName.length() > MAX_COMMON_NAME) {
            throw new IllegalArgumentException("common name must be at most " + MAX_COMMON_NAME + " characters");
        }
        // Most significant RDN first in the encoding, so it displays as "CN=..., O=Domicile".
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Domicile")
                .addRDN(BCStyle.CN, commonName.strip())
                .build();
    }

    private static BigInteger randomSerial() {
        BigInteger serial;
        do {
            byte[] bytes = new byte[SERIAL_BYTES];
            Crypto.random().nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }
}
