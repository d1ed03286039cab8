package org.domicile.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A {@link Clock} view of the {@link TimeSource}, for the libraries that take a clock. Always UTC. */
public final class TimeSourceClock extends Clock {
    private final TimeSource source;

    public TimeSourceClock(TimeSource source) {
        this.source = source;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return source.now();
    }
}
