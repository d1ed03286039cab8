package org.domicile.messaging.application;

import java.time.Instant;
import org.domicile.messaging.domain.Notification;
import org.domicile.messaging.domain.NotificationStatus;
import org.domicile.sms.PhoneMask;

/**
 * A queued notice as the operator console and the processing chain see it: no body, and the
 * number masked.
 *
 * @param maskedNumber the number of the latest attempt, or else the account's current one; "-" if none
 */
public record NotificationView(String id, String accountId, String purpose, String reference,
                               NotificationStatus status, int attempts, Instant nextAttemptAt, String maskedNumber,
                               String lastError, Instant createdAt, Instant sentAt) {

    static NotificationView of(Notification n, String number) {
        return new NotificationView(n.id(), n.accountId(), n.purpose(), n.reference(), n.status(), n.attempts(),
                n.nextAttemptAt(), number == null ? "-" : PhoneMask.mask(number), n.lastError().orElse(null),
                n.createdAt(), n.sentAt().orElse(null));
    }

    /** When the next attempt is due; null unless the notice is waiting for one. */
    public Instant dueAt() {
        return status == NotificationStatus.PENDING ? nextAttemptAt : null;
    }
}
