package org.domicile.messaging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The life of a queued notice: PENDING → SENDING → SENT, back to PENDING after a backoff, FAILED
 * after the last attempt, UNCERTAIN when its sender never came back (SECURITY-BASELINE 24, 26).
 */
class NotificationTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(30), 3);
    private static final String BODY = "Domicile: a registered letter waits in your office.";

    private static Notification queued() {
        return new Notification("account-1", "CORRESPONDENCE_WAITING", BODY, "corr-1:NotificationForAcceptance", T0);
    }

    @Test
    @DisplayName("A new notice is PENDING, due at once, with no attempt made")
    void queuedIsDue() {
        Notification n = queued();
        assertEquals(NotificationStatus.PENDING, n.status());
        assertEquals(0, n.attempts());
        assertTrue(n.isDue(T0));
        assertFalse(n.isDue(T0.minusMillis(1)));
        assertEquals(Optional.empty(), n.smsRecordId());
        assertEquals(Optional.empty(), n.sentAt());
    }

    @Test
    @DisplayName("Rule 24: PENDING → SENDING → SENT; the attempt is counted when claimed, before anything leaves")
    void claimThenSent() {
        Notification n = queued();
        n.claim("record-1", T0, LEASE);
        assertEquals(NotificationStatus.SENDING, n.status());
        assertEquals(1, n.attempts(), "counted before the call: a crash during it still counts (rule 26)");
        assertEquals(Optional.of("record-1"), n.smsRecordId());
        assertEquals(T0.plus(LEASE), n.nextAttemptAt(), "the lease ends then");
        assertFalse(n.isDue(T0.plus(Duration.ofHours(1))), "a claimed notice is never due for another claim");
        assertFalse(n.isLeaseOver(T0.plus(LEASE).minusMillis(1)));
        assertTrue(n.isLeaseOver(T0.plus(LEASE)));

        n.sent(T0.plusSeconds(1));
        assertEquals(NotificationStatus.SENT, n.status());
        assertEquals(Optional.of(T0.plusSeconds(1)), n.sentAt());
        assertTrue(n.status().isFinal());
    }

    @Test
    @DisplayName("Rule 24: a notice is claimed once: a second claim, or a claim before it is due, is refused")
    void claimedOnce() {
        Notification n = queued();
        n.claim("record-1", T0, LEASE);
        assertThrows(IllegalStateException.class, () -> n.claim("record-2", T0, LEASE));
        n.sent(T0);
        assertThrows(IllegalStateException.class, () -> n.claim("record-2", T0.plusSeconds(60), LEASE));
        assertThrows(IllegalStateException.class, () -> n.sent(T0), "SENT is recorded once");

        Notification early = queued();
        assertThrows(IllegalStateException.class, () -> early.claim("record-1", T0.minusSeconds(1), LEASE));
        assertThrows(IllegalStateException.class, () -> early.sent(T0), "not sent without a claim");
    }

    @Test
    @DisplayName("Rule 26: a failed attempt goes back to PENDING after the backoff, keeping its error")
    void failureBacksOff() {
        Notification n = queued();
        n.claim("record-1", T0, LEASE);
        Instant failedAt = T0.plusSeconds(5);
        assertEquals(NotificationStatus.PENDING, n.sendFailed("UNAVAILABLE: timeout", true, failedAt, SCHEDULE, 0.0));
        assertEquals(failedAt.plusSeconds(30), n.nextAttemptAt());
        assertEquals(Optional.of("UNAVAILABLE: timeout"), n.lastError());
        assertFalse(n.isDue(failedAt.plusSeconds(29)));
        assertTrue(n.isDue(failedAt.plusSeconds(30)));

        Instant second = failedAt.plusSeconds(30);
        n.claim("record-2", second, LEASE);
        assertEquals(2, n.attempts());
        n.sendFailed("UNAVAILABLE: timeout", true, second, SCHEDULE, 0.0);
        assertEquals(second.plusSeconds(60), n.nextAttemptAt(), "the delay doubles");
    }

    @Test
    @DisplayName("Rule 26: after the last allowed attempt the notice is FAILED and no longer due")
    void failedAfterMaxAttempts() {
        Notification n = queued();
        Instant now = T0;
        for (int attempt = 1; attempt <= 3; attempt++) {
            n.claim("record-" + attempt, now, LEASE);
            NotificationStatus after = n.sendFailed("UNAVAILABLE: down", true, now, SCHEDULE, 0.5);
            assertEquals(attempt < 3 ? NotificationStatus.PENDING : NotificationStatus.FAILED, after);
            now = n.nextAttemptAt().plusSeconds(1);
        }
        assertEquals(3, n.attempts());
        assertFalse(n.isDue(now.plus(Duration.ofDays(1))));
        assertThrows(IllegalStateException.class, () -> n.claim("record-4", T0.plus(Duration.ofDays(1)), LEASE));
    }

    @Test
    @DisplayName("A failure that retrying cannot cure (invalid number) is FAILED at once")
    void permanentFailureIsFinal() {
        Notification n = queued();
        n.claim("record-1", T0, LEASE);
        assertEquals(NotificationStatus.FAILED, n.sendFailed("INVALID_NUMBER: landline", false, T0, SCHEDULE, 0.0));
        assertEquals(1, n.attempts());
    }

    @Test
    @DisplayName("Rule 24: a claim found after its lease ran out (server died during the call) becomes UNCERTAIN, never due again")
    void abandonedClaimIsUncertain() {
        Notification n = queued();
        n.claim("record-1", T0, LEASE);
        // What a restarted server finds: SENDING, lease over, no outcome.
        assertTrue(n.isLeaseOver(T0.plus(LEASE).plusSeconds(1)));
        n.uncertain(Notification.ABANDONED);
        assertEquals(NotificationStatus.UNCERTAIN, n.status());
        assertEquals(Optional.of(Notification.ABANDONED), n.lastError());
        assertTrue(n.status().isFinal());
        assertFalse(n.isDue(T0.plus(Duration.ofDays(1))), "not sent again automatically");
        assertFalse(n.isLeaseOver(T0.plus(Duration.ofDays(1))), "settled once");
        assertThrows(IllegalStateException.class, () -> n.claim("record-2", T0.plus(Duration.ofDays(1)), LEASE));
        assertThrows(IllegalStateException.class, () -> n.uncertain(Notification.ABANDONED));
        assertThrows(IllegalStateException.class, () -> queued().uncertain(Notification.ABANDONED),
                "only a claim can be uncertain");
    }

    @Test
    @DisplayName("Rule 6: over the hourly cap a notice is postponed without counting an attempt, not dropped")
    void postponedNotDropped() {
        Notification n = queued();
        Instant free = T0.plus(Duration.ofMinutes(40));
        n.postpone(free, "Postponed: cap");
        assertEquals(NotificationStatus.PENDING, n.status());
        assertEquals(0, n.attempts());
        assertFalse(n.isDue(free.minusMillis(1)));
        assertTrue(n.isDue(free));
        n.postpone(T0.plusSeconds(1), "earlier");
        assertEquals(free, n.nextAttemptAt(), "postponing never brings a notice forward");
    }

    @Test
    @DisplayName("Postponing a claim never shortens its sender's lease; final notices cannot be postponed")
    void postponeKeepsLease() {
        Notification n = queued();
        n.claim("record-1", T0, LEASE);
        n.postpone(T0.plusSeconds(30), "outcome not recorded");
        assertEquals(T0.plus(LEASE), n.nextAttemptAt());
        assertEquals(NotificationStatus.SENDING, n.status());
        n.sent(T0.plusSeconds(40));
        assertThrows(IllegalStateException.class, () -> n.postpone(T0.plus(Duration.ofHours(1)), "late"));
    }

    @Test
    @DisplayName("Without a verified number a notice fails at once, without an attempt")
    void undeliverable() {
        Notification n = queued();
        n.undeliverable("The account has no verified mobile number.");
        assertEquals(NotificationStatus.FAILED, n.status());
        assertEquals(0, n.attempts());
    }

    @Test
    @DisplayName("Rule 29: purpose, text and reference are checked; errors are cut to the column; toString hides the text")
    void fieldsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Notification("a", "has space", BODY, "r", T0));
        assertThrows(IllegalArgumentException.class, () -> new Notification("a", "P".repeat(41), BODY, "r", T0));
        assertThrows(IllegalArgumentException.class, () -> new Notification("a", "P", " ", "r", T0));
        assertThrows(IllegalArgumentException.class, () -> new Notification("a", "P", "x".repeat(1601), "r", T0));
        assertThrows(IllegalArgumentException.class, () -> new Notification("a", "P", BODY, "r".repeat(201), T0));
        assertThrows(IllegalArgumentException.class, () -> new Notification("a", "P", BODY, "line\nbreak", T0));
        assertThrows(IllegalArgumentException.class, () -> new Notification(" ", "P", BODY, "r", T0));
        new Notification("a", "P".repeat(40), "x".repeat(1600), "r".repeat(200), T0);

        Notification n = queued();
        n.claim("record-1", T0, LEASE);
        n.sendFailed("E".repeat(500), true, T0, SCHEDULE, 0.0);
        assertEquals(200, n.lastError().orElseThrow().length());
        assertFalse(n.toString().contains(BODY));
    }
}
