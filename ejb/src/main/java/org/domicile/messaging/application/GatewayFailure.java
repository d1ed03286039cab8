package org.domicile.messaging.application;

import org.domicile.sms.SmsException;

/**
 * Why the gateway did not take a notice, and what that means for it. The error reads
 * "KIND: message" and is written to the message record as it is, so that a notice whose outcome
 * could not be recorded at once is settled the same way later, from the record alone.
 */
record GatewayFailure(String error, Verdict verdict) {

    /** What to do with the notice. */
    enum Verdict {
        /** Not sent; trying again later may work. */
        RETRY,
        /** Not sent, and trying again cannot help. */
        GIVE_UP,
        /** The gateway failed in a way that does not say whether the message left: never sent again. */
        UNKNOWN
    }

    private static final String UNEXPECTED = "UNEXPECTED";

    static GatewayFailure of(SmsException e) {
        return fromRecorded(e.kind() + ": " + e.getMessage());
    }

    /** The gateway threw something it does not declare: it may have failed after the message left. */
    static GatewayFailure unexpected(RuntimeException e) {
        return fromRecorded(UNEXPECTED + ": " + e.getClass().getSimpleName());
    }

    /** The message could not even be built (a stored number or text the gateway refuses): it never left. */
    static GatewayFailure unsendable(IllegalArgumentException e) {
        return fromRecorded(SmsException.Kind.REJECTED + ": " + e.getMessage());
    }

    /**
     * Reads an error written by this class. The gateway's own verdict ({@link SmsException#retryable()}),
     * except that a configuration fault is retried too: it is ours, not the recipient's, and an
     * operator can mend it before the attempts run out. Anything else is of unknown outcome.
     */
    static GatewayFailure fromRecorded(String error) {
        String text = error == null || error.isBlank() ? UNEXPECTED + ": no error recorded" : error;
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        Verdict verdict = switch (kind) {
            case "UNAVAILABLE", "CONFIGURATION" -> Verdict.RETRY;
            case "INVALID_NUMBER", "REJECTED" -> Verdict.GIVE_UP;
            default -> Verdict.UNKNOWN;
        };
        return new GatewayFailure(text, verdict);
    }
}
