package org.domicile.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javax.naming.InitialContext;
import org.domicile.messaging.application.NotificationDelivery;
import org.domicile.messaging.application.NotificationDelivery.Claim;
import org.domicile.messaging.application.NotificationOutcome;
import org.domicile.messaging.application.NotificationView;
import org.domicile.messaging.application.NotificationWorker;
import org.domicile.messaging.application.Notifications;
import org.domicile.messaging.domain.Notification;
import org.domicile.messaging.domain.NotificationStatus;
import org.domicile.messaging.domain.RetrySchedule;
import org.domicile.platform.DomicileSettings;
import org.domicile.sms.SmsException;
import org.domicile.sms.outbox.OutboxEntry;
import org.domicile.web.console.NotificationsBacking;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Queued notices in the server, on the configured database: they exist only if the work that
 * queued them commits, are sent once, soon after, even when queued twice or claimed by several
 * workers at once (SECURITY-BASELINE 24); a gateway that fails is retried with growing delays
 * until the attempts run out (26); a claim whose sender died is never sent again (24); the hourly
 * cap postpones notices and leaves codes alone (6). Time moves with {@link MovableTimeSource}.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsContainerTest {

    private static final String PURPOSE = "TEST_NOTICE";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return ContainerDeployment.archive();
    }

    @Inject
    MovableTimeSource time;

    @Inject
    TestUsers users;

    @Inject
    ContainerProbe probe;

    @Inject
    Notifications notifications;

    @Inject
    NotificationWorker worker;

    @Inject
    NotificationDelivery delivery;

    @Inject
    SwitchableSmsGatewayProvider gateways;

    @Inject
    OutcomeRecorder outcomes;

    @Inject
    NotificationFixtures fixtures;

    @Inject
    DomicileSettings settings;

    @Inject
    NotificationsBacking console;

    @AfterEach
    void wallClock() {
        time.reset();
    }

    @Test
    @DisplayName("Rule 24: a notice queued in work that rolls back does not exist and is never sent")
    void rolledBackWorkQueuesNothing() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();

        String id = inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                false);

        worker.wake();
        Thread.sleep(1500);
        assertTrue(notifications.find(id).isEmpty(), "rolled back with the work");
        assertEquals(0, probe.countRows("notification", "reference", notice.reference()));
        assertEquals(0, outboxWith(notice), "nothing reached the phone");
        assertTrue(outcomes.of(notice.reference()).isEmpty());
    }

    @Test
    @DisplayName("Rule 24: queuing needs the caller's transaction: without one it is refused")
    void queuingNeedsATransaction() {
        TestUser u = users.active();
        Notice notice = Notice.fresh();
        assertThrows(EJBTransactionRequiredException.class,
                () -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()));
        assertEquals(0, probe.countRows("notification", "reference", notice.reference()));
    }

    @Test
    @DisplayName("Rule 24: queued twice in one transaction and again in another, a committed notice is sent once, at once")
    void committedNoticeIsSentOnce() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();

        String id = inTransaction(() -> {
            String first = notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference());
            assertEquals(first, notifications.enqueue(u.id(), "OTHER", "other text " + notice.marker(),
                    notice.reference()), "the same notice, queued again in the same work");
            return first;
        }, true);
        NotificationView sent = await(id, v -> v.status() == NotificationStatus.SENT, false);

        assertEquals(id, inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                true), "queued again later: the same notice, nothing new");
        worker.wake();
        Thread.sleep(1500);

        assertEquals(1, sent.attempts());
        assertEquals(1, probe.countRows("notification", "reference", notice.reference()));
        List<OutboxEntry> received = gateways.outbox(5000).stream()
                .filter(e -> e.body().contains(notice.marker())).toList();
        assertEquals(1, received.size(), "exactly one text on the phone");
        assertEquals(u.mobile(), received.get(0).to(), "to the account's number, read when sending");
        assertEquals(notice.body(), received.get(0).body(), "the text queued first");
        assertEquals(1, fixtures.noticeRecordsTo(u.mobile()), "one message record, under the notices' own purpose");
        assertTrue(sent.maskedNumber().endsWith(u.mobile().substring(u.mobile().length() - 2)));
        assertFalse(sent.maskedNumber().contains(u.mobile().substring(3, u.mobile().length() - 2)), "masked");

        NotificationView listed = console.getLatest().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("the console lists the newest notices"));
        assertEquals(NotificationStatus.SENT, listed.status());
        assertEquals(sent.maskedNumber(), listed.maskedNumber());
        assertNull(listed.dueAt(), "no next attempt shown for a sent notice");

        NotificationOutcome outcome = onlyOutcome(notice);
        assertTrue(outcome.sent());
        assertEquals(id, outcome.notificationId());
        assertEquals(u.id(), outcome.accountId());
        assertEquals(PURPOSE, outcome.purpose());
        assertTrue(outcome.detail().startsWith("SENT: "), outcome.detail());
        assertEquals(sent.sentAt(), outcome.at().truncatedTo(ChronoUnit.MILLIS), "the time SENT was recorded");
    }

    @Test
    @DisplayName("The worker is woken by the commit: three notices in a row each leave within 3 s, which a 10-second poll cannot do")
    void commitWakesTheWorker() throws Exception {
        TestUser u = users.active();
        for (int i = 0; i < 3; i++) {
            Notice notice = Notice.fresh();
            long committedAt = System.nanoTime();
            String id = inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                    true);
            await(id, v -> v.status() == NotificationStatus.SENT, false);
            Duration latency = Duration.ofNanos(System.nanoTime() - committedAt);
            // One poll could fall into one of these 3-second windows by chance, never into all three.
            assertTrue(latency.compareTo(Duration.ofSeconds(3)) < 0, "notice " + (i + 1) + " took " + latency);
        }
    }

    @Test
    @DisplayName("Rule 26: a failing gateway is retried after 30 s, 1 min, 2 min, … and the notice FAILS after the last attempt")
    void failingGatewayBacksOffThenFails() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();
        var schedule = new RetrySchedule(settings.notificationFirstRetry(), settings.notificationMaxAttempts());
        gateways.cutOff(u.mobile());
        try {
            String id = inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                    true);
            NotificationView v = await(id, x -> x.attempts() == 1 && x.status() == NotificationStatus.PENDING, true);
            assertTrue(v.lastError().startsWith("UNAVAILABLE: "), v.lastError());
            assertBackoff(schedule.nominalDelayAfter(1), v);

            time.advance(Duration.between(time.now(), v.nextAttemptAt()).minusSeconds(5));
            worker.wake();
            Thread.sleep(1500);
            assertEquals(1, notifications.find(id).orElseThrow().attempts(), "not tried again before its time");

            for (int attempt = 2; attempt <= schedule.maxAttempts(); attempt++) {
                time.advance(Duration.between(time.now(), v.nextAttemptAt()).plusMillis(1));
                int expected = attempt;
                v = await(id, x -> x.attempts() == expected && x.status() != NotificationStatus.SENDING, true);
                if (attempt < schedule.maxAttempts()) {
                    assertEquals(NotificationStatus.PENDING, v.status());
                    assertBackoff(schedule.nominalDelayAfter(attempt), v);
                }
            }
            assertEquals(NotificationStatus.FAILED, v.status());
            assertEquals(schedule.maxAttempts(), v.attempts());
            assertEquals(schedule.maxAttempts(), fixtures.noticeRecordsTo(u.mobile()), "each attempt recorded");
            assertEquals(0, outboxWith(notice));

            NotificationOutcome outcome = onlyOutcome(notice);
            assertFalse(outcome.sent());
            assertTrue(outcome.detail().startsWith("FAILED: UNAVAILABLE: "), outcome.detail());

            time.advance(Duration.ofHours(2));
            worker.wake();
            Thread.sleep(1500);
            assertEquals(schedule.maxAttempts(), notifications.find(id).orElseThrow().attempts(), "FAILED is final");
        } finally {
            gateways.reconnect(u.mobile());
        }
    }

    @Test
    @DisplayName("Rule 24: an observer that throws undoes the recorded outcome; it is recorded later, and the text is not sent again")
    void throwingObserverIsRetriedWithoutResending() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();
        outcomes.refuseOnce(notice.reference());

        String id = inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                true);
        NotificationView held = await(id, x -> x.lastError() != null && x.lastError().startsWith("Not recorded yet"),
                false);
        assertEquals(NotificationStatus.SENDING, held.status(), "the outcome was rolled back with the observer's work");
        assertEquals(1, outboxWith(notice), "the text did leave");
        assertTrue(outcomes.of(notice.reference()).isEmpty());

        time.advance(settings.smsTimeout().multipliedBy(2).plus(Duration.ofMinutes(3)));
        NotificationView sent = await(id, x -> x.status() == NotificationStatus.SENT, true);

        assertEquals(1, sent.attempts());
        assertEquals(1, outboxWith(notice), "settled from the message record, not sent again");
        NotificationOutcome outcome = onlyOutcome(notice);
        assertTrue(outcome.sent());
        assertTrue(outcome.detail().contains("recorded late"), outcome.detail());
    }

    @Test
    @DisplayName("Rule 24: a refused number FAILS at once; an observer that throws on it delays the outcome, not the verdict")
    void refusedNumberFailsOnceObserversAccept() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();
        gateways.cutOff(u.mobile(), SmsException.Kind.INVALID_NUMBER);
        outcomes.refuseOnce(notice.reference());
        try {
            String id = inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                    true);
            NotificationView held = await(id, x -> x.lastError() != null && x.lastError().startsWith("Not recorded"),
                    true);
            assertEquals(NotificationStatus.SENDING, held.status(), "the FAILED outcome was rolled back");

            time.advance(settings.smsTimeout().multipliedBy(2).plus(Duration.ofMinutes(3)));
            NotificationView failed = await(id, x -> x.status() != NotificationStatus.SENDING, true);

            assertEquals(NotificationStatus.FAILED, failed.status(), "settled from the message record");
            assertEquals(1, failed.attempts(), "a number that cannot receive texts is not tried again");
            assertEquals(1, fixtures.noticeRecordsTo(u.mobile()));
            NotificationOutcome outcome = onlyOutcome(notice);
            assertFalse(outcome.sent());
            assertTrue(outcome.detail().startsWith("FAILED: INVALID_NUMBER: "), outcome.detail());
        } finally {
            gateways.reconnect(u.mobile());
        }
    }

    @Test
    @DisplayName("Rule 24: a notice left SENDING by a server that died during the call becomes UNCERTAIN and is never resent")
    void abandonedClaimIsUncertain() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();
        String id = fixtures.abandonedClaim(u.id(), u.mobile(), notice.reference(), notice.body(),
                time.now().minus(Duration.ofMinutes(10)));

        NotificationView v = await(id, x -> x.status() != NotificationStatus.SENDING, true);

        assertEquals(NotificationStatus.UNCERTAIN, v.status());
        assertEquals(Notification.ABANDONED, v.lastError());
        assertEquals(1, v.attempts());
        NotificationOutcome outcome = onlyOutcome(notice);
        assertFalse(outcome.sent());
        assertTrue(outcome.detail().startsWith("UNCERTAIN: "), outcome.detail());

        time.advance(Duration.ofHours(2));
        worker.wake();
        Thread.sleep(1500);
        assertEquals(NotificationStatus.UNCERTAIN, notifications.find(id).orElseThrow().status());
        assertEquals(0, outboxWith(notice), "not sent, then or later");
        assertEquals(1, outcomes.of(notice.reference()).size(), "settled once");
    }

    @Test
    @DisplayName("Rule 6: a number over its hourly cap of notices gets them later, not never; its login codes still go out")
    void capPostponesNotices() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();
        Instant oldest = Instant.ofEpochMilli(time.now().minus(Duration.ofMinutes(50)).toEpochMilli());
        probe.addSmsSent(u.mobile(), NotificationDelivery.SMS_PURPOSE, settings.smsPerNumberPerHour(), oldest);

        String id = inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                true);
        NotificationView waiting = await(id, x -> x.lastError() != null && x.lastError().contains("cap"), true);
        assertEquals(NotificationStatus.PENDING, waiting.status());
        assertEquals(0, waiting.attempts(), "postponing is not an attempt");
        assertEquals(oldest.plus(Duration.ofHours(1)).plusMillis(1), waiting.nextAttemptAt(),
                "due when the oldest message of the hour leaves the window");
        assertEquals(0, outboxWith(notice));

        users.start(u);
        assertTrue(users.lastMessage(u.mobile()).body().matches("(?s).*\\d{6}.*"), "notices do not use up codes");

        time.advance(Duration.ofMinutes(11));
        NotificationView sent = await(id, x -> x.status() == NotificationStatus.SENT, true);
        assertEquals(1, sent.attempts());
        assertEquals(1, outboxWith(notice));
    }

    @Test
    @DisplayName("Rule 24: several workers claiming one notice at once: one wins, the others lose quietly")
    void oneClaimWins() throws Exception {
        TestUser u = users.active();
        Notice notice = Notice.fresh();
        String id = inTransaction(() -> notifications.enqueue(u.id(), PURPOSE, notice.body(), notice.reference()),
                true);

        // The worker woken by the commit is a fifth contender.
        List<Parallel.Outcome<Optional<Claim>>> claims = Parallel.times(4, () -> delivery.claim(id));

        assertTrue(claims.stream().allMatch(Parallel.Outcome::succeeded), Parallel.describe(claims));
        assertTrue(claims.stream().filter(c -> c.value().isPresent()).count() <= 1, Parallel.describe(claims));
        Thread.sleep(1000);
        assertEquals(1, notifications.find(id).orElseThrow().attempts(), "claimed once");
        assertEquals(1, fixtures.noticeRecordsTo(u.mobile()), "one attempt recorded in all");
        assertTrue(outboxWith(notice) <= 1);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A notice nobody else queued: its reference, and a marker to find its text on the phone. */
    private record Notice(String reference, String marker) {
        static Notice fresh() {
            String s = TestUsers.suffix();
            return new Notice("test:" + s + ":waiting", "[" + s + "]");
        }

        String body() {
            return "Domicile: a registered letter waits in your office " + marker;
        }
    }

    private long outboxWith(Notice notice) {
        return gateways.outbox(5000).stream().filter(e -> e.body().contains(notice.marker())).count();
    }

    private NotificationOutcome onlyOutcome(Notice notice) {
        List<OutcomeRecorder.Observed> seen = outcomes.of(notice.reference());
        assertEquals(1, seen.size(), "one outcome: " + seen);
        assertTrue(seen.get(0).inTransaction(), "observed inside the transaction that records it");
        return seen.get(0).outcome();
    }

    /** The next attempt is due after the schedule's delay, less at most a fifth of jitter. */
    private void assertBackoff(Duration nominal, NotificationView v) {
        Duration ahead = Duration.between(time.now(), v.nextAttemptAt());
        assertTrue(ahead.compareTo(nominal) <= 0, "not later than the schedule: " + ahead + " > " + nominal);
        assertTrue(ahead.toMillis() >= nominal.toMillis() * 0.8 - 3000, "jitter takes at most a fifth: " + ahead);
    }

    /** Waits for the worker; with {@code wake}, nudges it rather than waiting for its poll. */
    private NotificationView await(String id, Predicate<NotificationView> until, boolean wake) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        NotificationView v = null;
        while (System.nanoTime() < deadline) {
            if (wake) {
                worker.wake();
            }
            v = notifications.find(id).orElse(null);
            if (v != null && until.test(v)) {
                return v;
            }
            Thread.sleep(100);
        }
        return fail("the worker did not get there in " + PATIENCE + "; the notice is " + v);
    }

    private static <T> T inTransaction(Callable<T> work, boolean commit) throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            T result = work.call();
            if (commit) {
                tx.commit();
            } else {
                tx.rollback();
            }
            return result;
        } catch (Exception | AssertionError e) {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
            throw e;
        }
    }
}
