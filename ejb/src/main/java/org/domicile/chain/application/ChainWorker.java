package org.domicile.chain.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.domicile.delivery.application.Deliveries;
import org.domicile.platform.TimeSource;

/**
 * Advances the chains: a step that became due is taken at once after its transaction commits
 * (and, as a fallback after a crash or on another instance, by a poll every second); deliveries
 * whose deadline passed are expired by a poll every few seconds. The steps due at once run in a
 * transaction of their own ({@link ChainRunner#advance}); a step that fails for a passing reason is
 * postponed and tried again, after 5 s, then twice as long each time, at most 10 minutes apart.
 * Instances sharing a database may both take a chain: the version check lets only one commit each
 * step.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "CertificationServer"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChainWorker {

    private static final Logger LOG = Logger.getLogger(ChainWorker.class.getName());
    /** The pause after a step's first failure for a passing reason; it doubles with each further one. */
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** The longest pause between two tries of a failing step. */
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(10);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @EJB
    ChainRunner runner;

    @EJB
    Deliveries deliveries;

    @Inject
    TimeSource time;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> expiring;

    @PostConstruct
    void start() {
        polling = scheduler.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
        expiring = scheduler.scheduleWithFixedDelay(this::expire, 3, 3, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        polling.cancel(false);
        expiring.cancel(false);
    }

    /** A step became due in a transaction that has now committed. */
    public void due(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChainDue event) {
        take(event.correspondenceId());
    }

    void poll() {
        try {
            runner.dueIds(time.now(), 200).forEach(this::take);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling the chains failed; trying again shortly", e);
        }
    }

    void expire() {
        try {
            for (String id : deliveries.withPassedDeadline(time.now(), 100)) {
                deliveries.expire(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring deliveries failed; trying again shortly", e);
        }
    }

    private void take(String correspondenceId) {
        if (!inFlight.add(correspondenceId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    while (runner.advance(correspondenceId)) {
                        // the next step is due at once
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Step of " + correspondenceId + " failed", e);
                    try {
                        runner.postpone(correspondenceId, RETRY, LONGEST_RETRY, e);
                    } catch (RuntimeException again) {
                        // another instance holds it, or the database is away: the poll comes back to it
                    }
                } finally {
                    inFlight.remove(correspondenceId);
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.remove(correspondenceId);
        }
    }
}
