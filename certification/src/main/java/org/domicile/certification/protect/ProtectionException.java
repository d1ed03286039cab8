package org.domicile.certification.protect;

/** Protected content could not be opened; {@link #reason()} says why. */
public final class ProtectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why opening failed. */
    public enum Reason {
        /** The container or the EnvelopedData is not readable, or uses other algorithms. */
        MALFORMED,
        /** The given certificate is not among the recipients. */
        NOT_A_RECIPIENT,
        /** The content key could not be unwrapped with the given private key. */
        KEY_UNWRAP_FAILED,
        /** AES-GCM authentication failed: ciphertext, IV or associated data changed, or the wrong key. */
        TAMPERED,
        /** Encryption failed (provider problem). */
        PROTECTION_FAILED
    }

    private final Reason reason;

    public ProtectionException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public ProtectionException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** Why opening failed. */
    public Reason reason() {
        return reason;
    }
}
