package org.domicile.messaging.domain;

/** Where a notice stands. SENT, FAILED and UNCERTAIN are final. */
public enum NotificationStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Claimed by one worker, which is handing it to the gateway now. */
    SENDING,
    /** The gateway accepted it. */
    SENT,
    /** Every attempt failed, or the failure cannot be cured by trying again. */
    FAILED,
    /**
     * The worker stopped while handing it to the gateway: it may have left or not. Never sent
     * again automatically, so that no notice reaches a phone twice.
     */
    UNCERTAIN;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == UNCERTAIN;
    }
}
