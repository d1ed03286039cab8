package org.domicile.messaging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SECURITY-BASELINE 26: calls to the SMS gateway retry with backoff, within a bounded number of attempts. */
class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), 8);

    @Test
    @DisplayName("Rule 26: the delays double from 30 s (30 s, 1 min, 2 min, 4 min, …) and stop growing at 1 h")
    void doublesUpToAnHour() {
        List<Duration> delays = IntStream.rangeClosed(1, 10).mapToObj(schedule::nominalDelayAfter).toList();
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofHours(1)), delays);
        assertEquals(Duration.ofHours(1), schedule.nominalDelayAfter(1000), "no overflow after many attempts");
        assertEquals(Duration.ofHours(1), new RetrySchedule(Duration.ofHours(2), 3).nominalDelayAfter(1),
                "a first delay beyond the cap is cut to it");
    }

    @Test
    @DisplayName("Rule 26: jitter only shortens a delay, by at most a fifth, and never beyond the cap")
    void jitterStaysWithinAFifth() {
        for (int attempts = 1; attempts <= 10; attempts++) {
            Duration nominal = schedule.nominalDelayAfter(attempts);
            assertEquals(nominal, schedule.delayAfter(attempts, 0.0));
            for (double r : new double[] {0.1, 0.5, 0.999_999}) {
                Duration d = schedule.delayAfter(attempts, r);
                assertTrue(d.compareTo(nominal) < 0, "shorter than the schedule: " + d);
                assertTrue(d.toMillis() >= nominal.toMillis() * 0.8, "at least four fifths of it: " + d);
            }
        }
        assertEquals(Duration.ofSeconds(27), schedule.delayAfter(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> schedule.delayAfter(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> schedule.delayAfter(1, -0.1));
    }

    @Test
    @DisplayName("Rule 26: attempts are bounded: another after the 7th of 8, none after the 8th")
    void boundedAttempts() {
        assertTrue(schedule.allowsAnotherAfter(1));
        assertTrue(schedule.allowsAnotherAfter(7));
        assertFalse(schedule.allowsAnotherAfter(8));
        assertFalse(schedule.allowsAnotherAfter(9));
        assertFalse(new RetrySchedule(Duration.ofSeconds(1), 1).allowsAnotherAfter(1), "one attempt means no retry");
    }

    @Test
    @DisplayName("A schedule without a positive first delay or without attempts is refused")
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, 8));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(-1), 8));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(null, 8));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(30), 0));
        assertThrows(IllegalArgumentException.class, () -> schedule.nominalDelayAfter(0));
    }
}
