package org.domicile.sms;

import java.util.Objects;

/**
 * A message could not be handed to the provider. {@link #kind()} says why in terms the caller
 * can act on; {@link #userMessage()} is a sentence fit to show the end user.
 *
 * <p>The technical message may name the provider's HTTP status and error code and a masked
 * number, never the message body or the full number.
 */
public class SmsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why sending failed. */
    public enum Kind {
        /** The number cannot receive text messages (invalid, landline, unsubscribed, region blocked). */
        INVALID_NUMBER("This mobile number cannot receive text messages. Check the number and try again."),
        /** The provider refused this message for another reason. */
        REJECTED("The text message could not be sent. Please try again later."),
        /** The provider did not answer in time, failed, or could not be reached: worth retrying. */
        UNAVAILABLE("The text-message service is not answering right now. Please try again in a few minutes."),
        /** Our side is misconfigured (credentials refused, settings missing). */
        CONFIGURATION("Text messages are not configured on this server.");

        private final String userMessage;

        Kind(String userMessage) {
            this.userMessage = userMessage;
        }

        /** A clear sentence for the end user. */
        public String userMessage() {
            return userMessage;
        }
    }

    private final Kind kind;

    public SmsException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SmsException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** A clear sentence for the end user, depending only on {@link #kind()}. */
    public String userMessage() {
        return kind.userMessage();
    }

    /** Whether trying the same message again later may succeed (only {@link Kind#UNAVAILABLE}). */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}
