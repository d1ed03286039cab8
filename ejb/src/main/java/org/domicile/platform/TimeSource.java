package org.domicile.platform;

import java.time.Instant;

/**
 * Where every service reads the time. One seam, so that expiry and timeouts can be tested
 * with a clock a test moves instead of by waiting.
 */
public interface TimeSource {
    Instant now();
}
