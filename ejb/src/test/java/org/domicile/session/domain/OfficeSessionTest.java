package org.domicile.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OfficeSessionTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(12);

    private static OfficeSession newSession() {
        return new OfficeSession("token-hash", "account-1", T0);
    }

    private static Optional<EndReason> check(OfficeSession s, Instant now) {
        return s.checkAlive(now, IDLE, ABSOLUTE);
    }

    @Test
    @DisplayName("Rule 13: alive at exactly 30 min idle, ended (IDLE_TIMEOUT) 1 ms later")
    void idleTimeout() {
        OfficeSession atLimit = newSession();
        assertEquals(Optional.empty(), check(atLimit, T0.plus(IDLE)));
        assertTrue(atLimit.isOpen());

        OfficeSession after = newSession();
        assertEquals(Optional.of(EndReason.IDLE_TIMEOUT), check(after, T0.plus(IDLE).plusMillis(1)));
        assertFalse(after.isOpen());
        assertEquals(Optional.of(EndReason.IDLE_TIMEOUT), after.endReason());
    }

    @Test
    @DisplayName("Rule 13: idle time is counted from the last recorded activity")
    void activityPostponesIdleTimeout() {
        OfficeSession s = newSession();
        Instant active = T0.plus(Duration.ofMinutes(20));
        assertTrue(s.touch(active));
        assertEquals(Optional.empty(), check(s, active.plus(IDLE)));
        assertEquals(Optional.of(EndReason.IDLE_TIMEOUT), check(s, active.plus(IDLE).plusMillis(1)));
    }

    @Test
    @DisplayName("Rule 13: 12 h absolute limit even with activity every 10 min")
    void absoluteTimeoutDespiteActivity() {
        OfficeSession s = newSession();
        Instant now = T0;
        while (now.isBefore(T0.plus(ABSOLUTE))) {
            now = now.plus(Duration.ofMinutes(10));
            assertEquals(Optional.empty(), check(s, now), "alive at " + now);
            s.touch(now);
        }
        assertEquals(T0.plus(ABSOLUTE), now);
        assertTrue(s.isOpen(), "alive at exactly 12 h");
        assertEquals(Optional.of(EndReason.ABSOLUTE_TIMEOUT), check(s, T0.plus(ABSOLUTE).plusMillis(1)));
        assertFalse(s.isOpen());
    }

    @Test
    @DisplayName("Rule 14: end() is final and keeps the first reason; later checks and activity change nothing")
    void endIsFinal() {
        OfficeSession s = newSession();
        s.end(EndReason.LOGOUT, T0.plusSeconds(60));
        s.end(EndReason.ACCOUNT_DISABLED, T0.plusSeconds(120));
        assertEquals(Optional.of(EndReason.LOGOUT), s.endReason());
        assertFalse(s.isOpen());

        s.touch(T0.plusSeconds(180));
        assertFalse(s.isOpen(), "activity does not reopen an ended session");
        assertEquals(Optional.of(EndReason.LOGOUT), check(s, T0.plusSeconds(200)));
        assertEquals(Optional.of(EndReason.LOGOUT), check(s, T0.plus(ABSOLUTE).plusSeconds(1)),
                "a timeout does not overwrite the recorded reason");
    }

    @Test
    @DisplayName("Rule 14: a timed-out session stays ended with its timeout reason")
    void timeoutIsFinal() {
        OfficeSession s = newSession();
        check(s, T0.plus(IDLE).plusSeconds(1));
        s.end(EndReason.LOGOUT, T0.plus(IDLE).plusSeconds(2));
        assertEquals(Optional.of(EndReason.IDLE_TIMEOUT), s.endReason());
    }

    @Test
    @DisplayName("Activity is written at most every 30 s")
    void touchGranularity() {
        OfficeSession s = newSession();
        assertFalse(s.touch(T0.plusMillis(29_999)));
        assertTrue(s.touch(T0.plusSeconds(30)));
        assertFalse(s.touch(T0.plusSeconds(59)));
        assertTrue(s.touch(T0.plusSeconds(60)));
    }

    @Test
    @DisplayName("Rule 13: activity that was not written never stretches the idle limit beyond 30 min")
    void skippedTouchDoesNotExtendIdle() {
        OfficeSession s = newSession();
        assertFalse(s.touch(T0.plusSeconds(29)));
        assertEquals(Optional.of(EndReason.IDLE_TIMEOUT), check(s, T0.plus(IDLE).plusMillis(1)));
    }
}
