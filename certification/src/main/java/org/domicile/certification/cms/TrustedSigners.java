package org.domicile.certification.cms;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.domicile.certification.signing.Crypto;

/**
 * Signer certificates that passed the CA and usage checks, each with its ready-made verifier, cached by the
 * SHA-256 of the certificate's encoding. Parsing a certificate, checking the CA's signature on it and
 * converting its key cost more than the signature check itself (STACK.md). Only the exact encoding is
 * trusted, never a name, so a different certificate can never hit another's entry; refused certificates
 * are not cached.
 *
 * <p>Thread-safe. The verifiers are too: BouncyCastle makes a new JCA {@code Signature} per use.
 */
final class TrustedSigners {

    /** A certificate issued by the trusted CA for document signatures, with its verifier. */
    record TrustedSigner(X509Certificate certificate, SignerInformationVerifier verifier) {
    }

    private static final int CACHE_LIMIT = 4096;
    private static final String ID_KP_EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final X509Certificate ca;
    private final DigestCalculatorProvider digests;
    private final JcaContentVerifierProviderBuilder contentVerifiers;
    private final JcaX509CertificateConverter converter;
    private final ConcurrentMap<String, TrustedSigner> cache = new ConcurrentHashMap<>();

    TrustedSigners(X509Certificate ca) {
        this.ca = ca;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build(); // JDK SHA-256
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest calculator provider", e);
        }
        this.contentVerifiers = new JcaContentVerifierProviderBuilder().setProvider(Crypto.provider());
        this.converter = new JcaX509CertificateConverter().setProvider(Crypto.provider());
    }

    /**
     * The checked signer for this certificate.
     *
     * @throws CmsException (UNTRUSTED_SIGNER, MALFORMED) if it was not issued by the CA for signatures
     */
    TrustedSigner get(X509CertificateHolder holder) {
        byte[] encoded;
        try {
            encoded = holder.getEncoded();
        } catch (IOException e) {
            throw new CmsException(CmsException.Reason.MALFORMED, "unreadable signer certificate", e);
        }
        String key = Sha256.hexOf(encoded);
        TrustedSigner cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        TrustedSigner checked = check(holder);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // crude bound: a flood of distinct certificates costs re-checks, never memory
        }
        cache.put(key, checked);
        return checked;
    }

    int size() {
        return cache.size();
    }

    private TrustedSigner check(X509CertificateHolder holder) {
        X509Certificate certificate;
        try {
            certificate = converter.getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            throw new CmsException(CmsException.Reason.MALFORMED, "unreadable signer certificate", e);
        }
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new CmsException(CmsException.Reason.UNTRUSTED_SIGNER,
                    "signer certificate issuer " + certificate.getIssuerX500Principal() + " is not the trusted CA");
        }
        try {
            certificate.verify(ca.getPublicKey(), Crypto.provider());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CmsException(CmsException.Reason.UNTRUSTED_SIGNER,
                    "signer certificate was not signed by the trusted CA's key", e);
        }
        checkDocumentSigning(certificate);
        try {
            SignerInformationVerifier verifier = new SignerInformationVerifier(
                    new DefaultCMSSignatureAlgorithmNameGenerator(), new DefaultSignatureAlgorithmIdentifierFinder(),
                    contentVerifiers.build(certificate), digests);
            return new TrustedSigner(certificate, verifier);
        } catch (OperatorCreationException e) {
            throw new CmsException(CmsException.Reason.UNSUPPORTED_ALGORITHM,
                    "no verifier for the signer's key: " + e.getMessage(), e);
        }
    }

    /**
     * An end-entity certificate for signatures: not a CA, key usage (if present) allows digitalSignature or
     * nonRepudiation, extended key usage (if present) allows e-mail protection, as OpenSSL's default
     * S/MIME signing purpose wants. A time-stamping unit's certificate thus never signs documents.
     */
    static void checkDocumentSigning(X509Certificate certificate) {
        if (certificate.getBasicConstraints() >= 0) {
            throw new CmsException(CmsException.Reason.UNTRUSTED_SIGNER, "signer certificate is a CA certificate");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !(keyUsage[0] || keyUsage[1])) {
            throw new CmsException(CmsException.Reason.UNTRUSTED_SIGNER,
                    "signer certificate's key usage allows neither digitalSignature nor nonRepudiation");
        }
        List<String> extendedKeyUsage;
        try {
            extendedKeyUsage = certificate.getExtendedKeyUsage();
        } catch (CertificateException e) {
            throw new CmsException(CmsException.Reason.MALFORMED, "unreadable extended key usage", e);
        }
        if (extendedKeyUsage != null && !extendedKeyUsage.contains(ID_KP_EMAIL_PROTECTION)
                && !extendedKeyUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
            throw new CmsException(CmsException.Reason.UNTRUSTED_SIGNER,
                    "signer certificate's extended key usage " + extendedKeyUsage + " is not for document signatures");
        }
    }
}
