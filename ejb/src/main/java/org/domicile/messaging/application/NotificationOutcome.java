package org.domicile.messaging.application;

import java.time.Instant;

/**
 * What became of a queued notice, fired synchronously inside the transaction that records the
 * final state (SENT, FAILED or UNCERTAIN), so that what an observer writes commits together with
 * it. An observer that throws rolls that transaction back; the notice is then left as it was and
 * its outcome is recorded (and this event fired) again later, without sending the notice again.
 * Observers must therefore be idempotent on {@link #notificationId()}.
 *
 * @param notificationId the id {@link Notifications#enqueue} returned
 * @param accountId      whose phone it was for
 * @param reference      what it is about, as given to {@link Notifications#enqueue}
 * @param purpose        as given to {@link Notifications#enqueue}
 * @param sent           true when the gateway accepted it; false when it FAILED or is UNCERTAIN
 * @param at             when the outcome was recorded
 * @param detail         starts with the final status: {@code "SENT: ..."}, {@code "FAILED: <last error>"},
 *                       or {@code "UNCERTAIN: ..."} (the sender died during the call: it may have left,
 *                       and is not sent again); never the body or the full number
 */
public record NotificationOutcome(String notificationId, String accountId, String reference, String purpose,
                                  boolean sent, Instant at, String detail) {

    /** How {@link #detail()} begins when nobody knows whether the notice left. */
    public static final String UNCERTAIN = "UNCERTAIN: ";

    /** Whether the notice may or may not have left (it is never sent again); the detail says why after the prefix. */
    public boolean uncertain() {
        return !sent && detail.startsWith(UNCERTAIN);
    }
}
