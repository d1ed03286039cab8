package org.domicile.sms;

import java.util.Objects;

/**
 * What the provider said when it accepted a message.
 *
 * @param providerId the provider's id for the message (Twilio's {@code SM...} SID, or {@code outbox-...})
 * @param status     the status at acceptance; later changes arrive through status callbacks
 */
public record SmsReceipt(String providerId, SmsStatus status) {

    public SmsReceipt {
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("The provider's message id is missing.");
        }
        Objects.requireNonNull(status, "status");
    }
}
