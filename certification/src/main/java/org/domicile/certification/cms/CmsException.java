package org.domicile.certification.cms;

/**
 * A CMS document could not be produced or did not verify. The {@link Reason} says which check failed, so
 * callers (and reports) can tell a forged signature from an untrusted signer or a malformed file.
 */
public final class CmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Reason {
        /** Not DER/BER ContentInfo with SignedData, or unreadable parts. */
        MALFORMED,
        /** Readable, but not the agreed form (attached id-data, one signer, signed attributes). */
        UNEXPECTED_STRUCTURE,
        /** Digest or signature algorithm other than SHA-256 / ecdsa-with-SHA256. */
        UNSUPPORTED_ALGORITHM,
        /** The signer's certificate is not in the SignedData. */
        SIGNER_CERTIFICATE_MISSING,
        /** The signer's certificate was not issued by the trusted CA, or is not a document-signing certificate. */
        UNTRUSTED_SIGNER,
        /** The signer's (or the CA's) certificate was not valid at the signing time. */
        SIGNER_NOT_VALID,
        /** The signature or the content digest does not verify: the document was altered. */
        BAD_SIGNATURE,
        /** Signing itself failed (key or provider problem). */
        SIGNING_FAILED
    }

    private final Reason reason;

    public CmsException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public CmsException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Which check failed. */
    public Reason reason() {
        return reason;
    }
}
