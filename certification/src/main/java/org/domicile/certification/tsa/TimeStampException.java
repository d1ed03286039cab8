package org.domicile.certification.tsa;

/** An RFC 3161 time-stamp token could not be made or did not verify; {@link #reason()} says which check failed. */
public final class TimeStampException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Reason {
        /** Not a readable TimeStampToken (ContentInfo, SignedData, TSTInfo). */
        MALFORMED,
        /** The message imprint is not the expected SHA-256. */
        IMPRINT_MISMATCH,
        /** The imprint or signature uses another algorithm than SHA-256 / ecdsa-with-SHA256. */
        UNSUPPORTED_ALGORITHM,
        /** The token carries no nonce. */
        NONCE_MISSING,
        /** The nonce is not the one requested. */
        NONCE_MISMATCH,
        /** The TSA policy is not {@link TimeStampAuthority#POLICY_OID}. */
        POLICY_MISMATCH,
        /** The TSA certificate is not in the token. */
        TSA_CERTIFICATE_MISSING,
        /** The TSA certificate was not issued by the trusted CA. */
        UNTRUSTED_TSA,
        /** The TSA certificate lacks the critical id-kp-timeStamping extended key usage, or has others. */
        NOT_A_TIME_STAMPING_CERTIFICATE,
        /** The TSA (or CA) certificate was not valid at the time stamped. */
        TSA_NOT_VALID,
        /** The signature or the certificate reference (ESSCertIDv2) does not verify. */
        BAD_SIGNATURE,
        /** Making a token failed. */
        STAMPING_FAILED
    }

    private final Reason reason;

    public TimeStampException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public TimeStampException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Which check failed. */
    public Reason reason() {
        return reason;
    }
}
