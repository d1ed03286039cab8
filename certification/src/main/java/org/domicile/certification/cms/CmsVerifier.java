package org.domicile.certification.cms;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.domicile.certification.cms.TrustedSigners.TrustedSigner;

/**
 * Verifies CMS SignedData in the form {@link CmsSigner} makes, against one trusted CA: structure (exact DER,
 * attached id-data, one signer, signingTime; see {@link SignedDataForm}), algorithms (SHA-256,
 * ecdsa-with-SHA256), the signer certificate (issued by the CA, a document-signing end-entity
 * certificate, valid at the signing time, as is the CA) and the signature.
 *
 * <p>Checked signer certificates and their verifiers are cached by the SHA-256 of the certificate's
 * encoding ({@link TrustedSigners}); without the cache verification is about 2-4x slower (STACK.md).
 * Revocation is not checked here.
 *
 * <p>Thread-safe; share one instance per trusted CA.
 */
public final class CmsVerifier {

    /** The content and signer of a verified SignedData. */
    public record Verified(byte[] content, X509Certificate signer, Instant signingTime) {

        public Verified {
            content = content.clone();
        }

        /** A copy of the encapsulated content. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Verified that && Arrays.equals(content, that.content)
                    && signer.equals(that.signer) && signingTime.equals(that.signingTime);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(content) + signingTime.hashCode();
        }

        @Override
        public String toString() {
            return "Verified[content=" + content.length + " bytes, signer=" + signer.getSubjectX500Principal()
                    + ", signingTime=" + signingTime + "]";
        }
    }

    private final X509Certificate ca;
    private final TrustedSigners signers;

    /**
     * @param trustedCa the CA certificate that must have issued every signer certificate
     * @throws IllegalArgumentException if it is null or not a CA certificate
     */
    public CmsVerifier(X509Certificate trustedCa) {
        if (trustedCa == null) {
            throw new IllegalArgumentException("trusted CA certificate must not be null");
        }
        if (trustedCa.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("trusted certificate is not a CA certificate");
        }
        this.ca = trustedCa;
        this.signers = new TrustedSigners(trustedCa);
    }

    /** The CA this verifier trusts. */
    public X509Certificate trustedCa() {
        return ca;
    }

    /**
     * Verifies {@code cms} and returns its content, signer certificate and signing time.
     *
     * @throws CmsException with the reason of the first check that failed
     */
    public Verified verify(byte[] cms) {
        if (cms == null || cms.length == 0) {
            throw new CmsException(CmsException.Reason.MALFORMED, "no CMS data");
        }
        try {
            return check(cms);
        } catch (CmsException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle reads parts lazily and reports malformed ones with unchecked exceptions.
            throw new CmsException(CmsException.Reason.MALFORMED, "unreadable CMS structure: " + e.getMessage(), e);
        }
    }

    /** Number of signer certificates currently cached (for tests and monitoring). */
    int cachedSigners() {
        return signers.size();
    }

    private Verified check(byte[] cms) {
        SignedDataForm form = SignedDataForm.parse(cms);
        TrustedSigner signer = signers.get(form.signerCertificate());
        checkValidAt(form.signingTime(), signer.certificate());
        try {
            if (!form.signerInfo().verify(signer.verifier())) {
                throw new CmsException(CmsException.Reason.BAD_SIGNATURE, "the signature does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            throw new CmsException(CmsException.Reason.BAD_SIGNATURE,
                    "the content does not match the signed message digest (content altered)", e);
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new CmsException(CmsException.Reason.SIGNER_NOT_VALID, e.getMessage(), e);
        } catch (CMSException e) {
            throw new CmsException(CmsException.Reason.BAD_SIGNATURE, "the signature does not verify: "
                    + e.getMessage(), e);
        }
        return new Verified(form.content(), signer.certificate(), form.signingTime());
    }

    private void checkValidAt(Instant signingTime, X509Certificate signer) {
        Date at = Date.from(signingTime);
        try {
            signer.checkValidity(at);
        } catch (CertificateException e) {
            throw new CmsException(CmsException.Reason.SIGNER_NOT_VALID,
                    "signer certificate not valid at the signing time " + signingTime, e);
        }
        try {
            ca.checkValidity(at);
        } catch (CertificateException e) {
            throw new CmsException(CmsException.Reason.SIGNER_NOT_VALID,
                    "CA certificate not valid at the signing time " + signingTime, e);
        }
    }
}
