package org.domicile.messaging.domain;

import java.time.Duration;

/**
 * When a notice whose sending failed is tried again (SECURITY-BASELINE 26): exponential backoff
 * from the first delay (30 s, 1 min, 2 min, 4 min, ...), never more than an hour, and at most
 * {@code maxAttempts} attempts in all. Each delay is shortened by up to a fifth at random, so
 * that notices which failed together (a gateway outage) do not all come back at the same moment,
 * while none comes back later than the schedule says.
 */
public record RetrySchedule(Duration firstRetry, int maxAttempts) {

    /** The longest wait between two attempts. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);

    /** The largest share of a delay that jitter takes off. */
    public static final double JITTER = 0.2;

    public RetrySchedule {
        if (firstRetry == null || firstRetry.isNegative() || firstRetry.isZero()) {
            throw new IllegalArgumentException("The first retry delay must be positive, got " + firstRetry);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt is needed, got " + maxAttempts);
        }
    }

    /** Whether another attempt may follow attempt number {@code attempts} (counted from 1). */
    public boolean allowsAnotherAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /** The delay before the next attempt after {@code attempts} failed ones, without jitter. */
    public Duration nominalDelayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("No attempt has failed yet");
        }
        // Doubling past 2^20 times the first delay is beyond any cap: stop before the arithmetic overflows.
        int doublings = Math.min(attempts - 1, 20);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * The delay before the next attempt after {@code attempts} failed ones, with jitter.
     *
     * @param random a number in [0, 1): 0 gives the nominal delay, values near 1 a fifth less
     */
    public Duration delayAfter(int attempts, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), got " + random);
        }
        Duration nominal = nominalDelayAfter(attempts);
        long millis = nominal.toMillis();
        return Duration.ofMillis(millis - (long) (millis * JITTER * random));
    }
}
