package org.domicile.messaging.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.domicile.messaging.application.NotificationDelivery.Claim;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.sms.SmsException;
import org.domicile.sms.SmsMessage;
import org.domicile.sms.SmsReceipt;

/**
 * Sends queued notices: woken when a transaction that queued one commits, and polling as a
 * fallback (after a restart, for retries that come due, for another server's wake-ups).
 *
 * <p>Each notice goes through three steps, each its own transaction or none: claim it (SENDING,
 * one more attempt, committed before anything leaves), hand it to the gateway outside any
 * transaction, record the outcome (SENT, back to PENDING after a backoff, or FAILED). Several
 * servers may run this against one database: a claim is won by one only.
 *
 * <p>A notice is never handed to the gateway twice for one claim. A claim whose sender did not
 * come back before its lease ran out (the server died during the call, or the outcome could not
 * be recorded) is settled from the record of the message: SENT if the gateway had accepted it,
 * the usual retry or failure if it had refused, and UNCERTAIN if no answer was recorded. An
 * UNCERTAIN notice is never sent again automatically: a second copy on somebody's phone is worse
 * than one the operator has to look at. Retries follow failures the gateway reports as such; only
 * when the gateway's answer itself is lost (a read timeout after the provider got the request)
 * can a retry repeat a message, since the provider takes no idempotency key.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationWorker {

    private static final Logger LOG = Logger.getLogger(NotificationWorker.class.getName());

    /** The fallback: how often to look for due notices when nobody wakes the worker. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    /** Lets the deployment finish before the first look. */
    static final Duration FIRST_POLL = Duration.ofSeconds(5);
    static final int BATCH = 20;
    /** Bounds one run, so that rows that keep failing to be claimed cannot keep a thread forever. */
    static final int MAX_BATCHES_PER_RUN = 10;

    @Resource
    ManagedScheduledExecutorService executor;

    @EJB
    NotificationDelivery delivery;

    @EJB
    SmsRecords records;

    @Inject
    SmsGatewayProvider gateways;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopping;
    private ScheduledFuture<?> polling;

    @PostConstruct
    void start() {
        // The first run also settles the claims a stopped server left behind.
        polling = executor.scheduleWithFixedDelay(this::drain, FIRST_POLL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Looks for due notices now rather than at the next poll. Returns at once. */
    public void wake() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            // Stopping: the next start's first run finds the notice.
        }
    }

    /**
     * One run at a time per server; a wake-up during a run makes that run look once more, so
     * none is lost and none starts a second run beside it.
     */
    private void drain() {
        wanted.set(true);
        while (wanted.get() && !stopping && running.compareAndSet(false, true)) {
            try {
                while (wanted.getAndSet(false) && !stopping) {
                    deliverDue();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Notice delivery run failed; the next poll tries again: {0}", describe(e));
            } finally {
                running.set(false);
            }
        }
    }

    private void deliverDue() {
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN && !stopping; batch++) {
            delivery.overdueClaims(BATCH).forEach(this::settle);
            List<String> due = delivery.due(BATCH);
            due.forEach(this::deliver);
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    private void settle(String id) {
        try {
            delivery.settleOverdue(id);
        } catch (RuntimeException e) {
            notRecorded(id, e);
        }
    }

    private void deliver(String id) {
        Optional<Claim> claim;
        try {
            claim = delivery.claim(id);
        } catch (RuntimeException e) {
            notRecorded(id, e);
            return;
        }
        claim.ifPresent(this::send);
    }

    private void send(Claim c) {
        Optional<GatewayFailure> failure = handOver(c);
        failure.ifPresent(f -> recordQuietly(() -> records.failed(c.smsRecordId(), f.error())));
        try {
            if (failure.isEmpty()) {
                delivery.sent(c.notificationId(), c.smsRecordId());
            } else {
                delivery.failed(c.notificationId(), c.smsRecordId(), failure.get().error());
            }
        } catch (RuntimeException e) {
            // An observer of the outcome threw, or the database failed: the notice stays SENDING
            // until its lease runs out, then it is settled from the message record, not resent.
            notRecorded(c.notificationId(), e);
        }
    }

    /**
     * The only place a notice leaves; outside any transaction, so no connection waits on the
     * gateway. Empty when the gateway took the message.
     */
    private Optional<GatewayFailure> handOver(Claim c) {
        SmsMessage message;
        try {
            message = new SmsMessage(c.to(), c.body(), c.smsRecordId());
        } catch (IllegalArgumentException e) {
            return Optional.of(GatewayFailure.unsendable(e));
        }
        SmsReceipt receipt;
        try {
            receipt = gateways.gateway().send(message);
        } catch (SmsException e) {
            return Optional.of(GatewayFailure.of(e));
        } catch (RuntimeException e) {
            return Optional.of(GatewayFailure.unexpected(e));
        }
        recordQuietly(() -> records.accepted(c.smsRecordId(), receipt));
        return Optional.empty();
    }

    /** A step failed for a reason outside the notice: look at it again later, never at once. */
    private void notRecorded(String id, RuntimeException e) {
        String why = describe(e);
        LOG.log(Level.WARNING, "Notice {0}: step not recorded, tried again later: {1}", new Object[] {id, why});
        try {
            delivery.postpone(id, "Not recorded yet, tried again later: " + why);
        } catch (RuntimeException again) {
            LOG.log(Level.WARNING, "Notice {0}: could not be postponed either: {1}",
                    new Object[] {id, describe(again)});
        }
    }

    /** The message record is the operator's view; failing to update it must not change the notice's fate. */
    private static void recordQuietly(Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Message record not updated: {0}", describe(e));
        }
    }

    /** The innermost cause, by type and message: container wrappers say nothing useful. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
