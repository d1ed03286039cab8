package org.domicile.platform;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/** A rate limit or cooldown was reached (SMS caps, resend cooldown); nothing was done. */
@ApplicationException(rollback = true)
public class LimitReachedException extends DomicileException {
    private final Duration retryAfter;

    public LimitReachedException(String userMessage, Duration retryAfter) {
        super(userMessage);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
