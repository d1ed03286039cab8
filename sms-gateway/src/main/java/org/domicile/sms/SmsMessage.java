package org.domicile.sms;

import java.util.regex.Pattern;

/**
 * One outgoing text message: recipient in E.164 format, the text, and our own reference
 * used to match the provider's delivery reports with the thing that caused the message.
 *
 * <p>{@link #toString()} masks the number and hides the body: bodies carry one-time codes.
 *
 * @param to        recipient, E.164 ({@code +} country code and number, 7 to 15 digits)
 * @param body      text, not blank, at most {@value #MAX_BODY_LENGTH} characters
 * @param reference our correlation id, not blank, no control characters, at most {@value #MAX_REFERENCE_LENGTH} characters
 */
public record SmsMessage(String to, String body, String reference) {

    /** Twilio's limit for one message body (it is split into segments beyond one SMS). */
    public static final int MAX_BODY_LENGTH = 1600;

    /** Generous, but keeps the reference usable in a callback URL. */
    public static final int MAX_REFERENCE_LENGTH = 255;

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    public SmsMessage {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("The recipient's mobile number is missing.");
        }
        if (!isE164(to)) {
            // Masked: the rejected value may be a real number typed in national format.
            throw new IllegalArgumentException("The recipient's mobile number must be in international E.164 format:"
                    + " '+', the country code, then the number, 7 to 15 digits in all, no spaces"
                    + " (got \"" + PhoneMask.mask(to) + "\").");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The text message body is empty.");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("The text message body has " + body.length()
                    + " characters; at most " + MAX_BODY_LENGTH + " are allowed.");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException(
                    "The message reference is missing; it is needed to match delivery reports to the message.");
        }
        if (reference.chars().anyMatch(Character::isISOControl)) {
            // It is written to log lines and the callback URL: no line breaks or other control characters.
            throw new IllegalArgumentException("The message reference must not contain control characters.");
        }
        if (reference.length() > MAX_REFERENCE_LENGTH) {
            throw new IllegalArgumentException("The message reference has " + reference.length()
                    + " characters; at most " + MAX_REFERENCE_LENGTH + " are allowed.");
        }
    }

    /** Whether {@code number} is a syntactically valid E.164 number ({@code ^\+[1-9]\d{6,14}$}). */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    @Override
    public String toString() {
        return "SmsMessage[to=" + PhoneMask.mask(to) + ", body=<" + body.length() + " chars hidden>, reference="
                + reference + "]";
    }
}
