package org.domicile.sms;

import java.util.Locale;

/** Provider-neutral delivery status of a text message, as reported on sending and by status callbacks. */
public enum SmsStatus {
    QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED, UNKNOWN;

    /**
     * Maps a Twilio message status ({@code queued}, {@code delivered}, ...) to ours.
     * Case-insensitive; {@code null} and statuses we do not track map to {@link #UNKNOWN}.
     */
    public static SmsStatus fromProvider(String twilioStatus) {
        if (twilioStatus == null) {
            return UNKNOWN;
        }
        return switch (twilioStatus.trim().toLowerCase(Locale.ROOT)) {
            case "accepted", "queued", "sending" -> QUEUED;
            case "sent" -> SENT;
            case "delivered", "read" -> DELIVERED;
            case "undelivered" -> UNDELIVERED;
            case "failed", "canceled" -> FAILED;
            default -> UNKNOWN;
        };
    }
}
