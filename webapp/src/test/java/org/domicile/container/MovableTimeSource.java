package org.domicile.container;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.domicile.platform.TimeSource;

/**
 * The clock of the server under test: the wall clock plus an offset the test moves, so that
 * expiry and timeouts are tested by moving time instead of waiting. A globally enabled
 * alternative: every service of the deployment (and the certification server) reads it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MovableTimeSource implements TimeSource {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Back to the wall clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
