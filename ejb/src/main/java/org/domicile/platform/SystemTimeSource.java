package org.domicile.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The wall clock, in UTC. */
@ApplicationScoped
public class SystemTimeSource implements TimeSource {
    @Override
    public Instant now() {
        return Instant.now();
    }
}
