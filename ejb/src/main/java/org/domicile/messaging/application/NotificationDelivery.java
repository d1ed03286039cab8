package org.domicile.messaging.application;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.domicile.messaging.domain.Notification;
import org.domicile.messaging.domain.NotificationStatus;
import org.domicile.messaging.domain.RetrySchedule;
import org.domicile.messaging.domain.SmsRecord;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.TimeSource;
import org.domicile.sms.PhoneMask;

/**
 * The transactional steps of delivering a notice, each committed on its own: claim it, then
 * (after the worker called the gateway outside any transaction) record the outcome, or settle a
 * claim whose sender never came back. Final outcomes fire {@link NotificationOutcome} inside the
 * transaction that records them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NotificationDelivery {

    /**
     * Notices are recorded and capped under this purpose in the message records: a number's
     * notices never use up its login codes, nor the other way round.
     */
    public static final String SMS_PURPOSE = "NOTICE";

    private static final Duration CAP_WINDOW = Duration.ofHours(1);

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    TimeSource time;

    @Inject
    DomicileSettings settings;

    @Inject
    SmsGatewayProvider gateways;

    @Inject
    Event<NotificationOutcome> outcomes;

    /** One attempt a worker won: what to send, and the record it goes under. */
    public record Claim(String notificationId, String to, String body, String smsRecordId) {
        /** Masked: the number and the text are personal data. */
        @Override
        public String toString() {
            return "Claim[" + notificationId + ", to " + PhoneMask.mask(to) + ", record " + smsRecordId + "]";
        }
    }

    /** PENDING notices whose time has come, the longest waiting first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> due(int limit) {
        return ids(NotificationStatus.PENDING, limit);
    }

    /** SENDING notices whose sender's lease ran out without an outcome. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> overdueClaims(int limit) {
        return ids(NotificationStatus.SENDING, limit);
    }

    private List<String> ids(NotificationStatus status, int limit) {
        return em.createQuery("select n.id from Notification n where n.status = :s and n.nextAttemptAt <= :now"
                        + " order by n.nextAttemptAt", String.class)
                .setParameter("s", status).setParameter("now", time.now().toEpochMilli())
                .setMaxResults(limit).getResultList();
    }

    /**
     * Takes a due notice for one attempt. Several workers (several servers) may try at once:
     * the version check lets exactly one win, and only the winner gets a claim. Empty when the
     * notice is not due (taken by another worker, postponed under the cap, or failed for want of
     * a verified number).
     */
    public Optional<Claim> claim(String id) {
        Instant now = time.now();
        Notification n = em.find(Notification.class, id);
        if (n == null || !n.isDue(now)) {
            return Optional.empty();
        }
        Optional<String> number = verifiedMobile(n.accountId());
        if (number.isEmpty()) {
            n.undeliverable("The account has no verified mobile number.");
            fireFinal(n, false, now, "FAILED: " + n.lastError().orElseThrow());
            flushed();
            return Optional.empty();
        }
        Optional<Instant> capped = capFreesAt(number.get(), now);
        if (capped.isPresent()) {
            n.postpone(capped.get(), "Postponed: this number reached its hourly cap of notices.");
            flushed();
            return Optional.empty();
        }
        var record = new SmsRecord(n.accountId(), number.get(), SMS_PURPOSE, gateways.gateway().name(), now);
        em.persist(record);
        n.claim(record.id(), now, lease());
        return flushed() ? Optional.of(new Claim(n.id(), number.get(), n.body(), record.id())) : Optional.empty();
    }

    /** The gateway took the message. */
    public void sent(String id, String smsRecordId) {
        Instant now = time.now();
        ownClaim(id, smsRecordId).ifPresent(n -> {
            n.sent(now);
            fireFinal(n, true, now, "SENT: accepted by the " + gateways.gateway().name() + " gateway");
        });
    }

    /**
     * The gateway did not take the message: try again later, give up, or (outcome unknown) never
     * again, as the error's kind says ({@code "UNAVAILABLE: ..."}, as written to the message record).
     */
    public void failed(String id, String smsRecordId, String error) {
        ownClaim(id, smsRecordId).ifPresent(n -> apply(n, GatewayFailure.fromRecorded(error), time.now()));
    }

    /**
     * A claim whose lease ran out without an outcome: its sender died during the call, or could
     * not record the outcome (a database fault, an observer that threw). Settled from the message
     * record of the attempt, never by sending again: accepted by the gateway means SENT; refused
     * means the usual retry or failure; no answer recorded means UNCERTAIN.
     */
    public void settleOverdue(String id) {
        Instant now = time.now();
        Notification n = em.find(Notification.class, id);
        if (n == null || !n.isLeaseOver(now)) {
            return;
        }
        SmsRecord record = n.smsRecordId().map(r -> em.find(SmsRecord.class, r)).orElse(null);
        if (record != null && record.providerId() != null) {
            n.sent(now);
            fireFinal(n, true, now, "SENT: accepted by the " + record.gateway() + " gateway (outcome recorded late)");
        } else if (record != null && "FAILED".equals(record.status())) {
            apply(n, GatewayFailure.fromRecorded(record.error()), now);
        } else {
            n.uncertain(Notification.ABANDONED);
            fireFinal(n, false, now, NotificationOutcome.UNCERTAIN + Notification.ABANDONED);
        }
    }

    /**
     * Puts off the next look at a notice whose step failed for a reason outside it (the database,
     * an observer), by the first retry delay; never shortens a sender's lease.
     */
    public void postpone(String id, String why) {
        Notification n = em.find(Notification.class, id);
        if (n != null && !n.status().isFinal()) {
            n.postpone(time.now().plus(settings.notificationFirstRetry()), why);
        }
    }

    private void apply(Notification n, GatewayFailure failure, Instant now) {
        switch (failure.verdict()) {
            case UNKNOWN -> {
                String why = "The gateway failed in a way that does not say whether the notice left ("
                        + failure.error() + "); it is not sent again automatically.";
                n.uncertain(why);
                fireFinal(n, false, now, NotificationOutcome.UNCERTAIN + why);
            }
            case RETRY, GIVE_UP -> {
                var schedule = new RetrySchedule(settings.notificationFirstRetry(), settings.notificationMaxAttempts());
                boolean retry = failure.verdict() == GatewayFailure.Verdict.RETRY;
                NotificationStatus status = n.sendFailed(failure.error(), retry, now, schedule,
                        ThreadLocalRandom.current().nextDouble());
                if (status == NotificationStatus.FAILED) {
                    fireFinal(n, false, now, "FAILED: " + failure.error());
                }
            }
        }
    }

    /** The notice, if it is still in the claim this worker holds (not settled by another meanwhile). */
    private Optional<Notification> ownClaim(String id, String smsRecordId) {
        return Optional.ofNullable(em.find(Notification.class, id))
                .filter(n -> n.status() == NotificationStatus.SENDING)
                .filter(n -> n.smsRecordId().map(smsRecordId::equals).orElse(false));
    }

    private void fireFinal(Notification n, boolean sent, Instant at, String detail) {
        outcomes.fire(new NotificationOutcome(n.id(), n.accountId(), n.reference(), n.purpose(), sent, at, detail));
    }

    /**
     * Writes the changes now, so that a worker that lost the race to another learns it here and
     * not at commit: false then, and this transaction is rolled back without an error.
     */
    private boolean flushed() {
        try {
            em.flush();
            return true;
        } catch (OptimisticLockException lostRace) {
            context.setRollbackOnly();
            return false;
        }
    }

    /**
     * SECURITY-BASELINE 6 caps messages per number and hour. Over the cap, a notice is postponed,
     * not dropped: to the moment the oldest notice of the hour leaves the window.
     */
    private Optional<Instant> capFreesAt(String e164, Instant now) {
        Object[] window = em.createQuery("select count(s), min(s.createdAt) from SmsRecord s"
                        + " where s.recipient = :r and s.purpose = :p and s.createdAt >= :t", Object[].class)
                .setParameter("r", e164).setParameter("p", SMS_PURPOSE)
                .setParameter("t", now.minus(CAP_WINDOW).toEpochMilli()).getSingleResult();
        if (((Number) window[0]).longValue() < settings.smsPerNumberPerHour()) {
            return Optional.empty();
        }
        Instant oldest = window[1] == null ? now : Instant.ofEpochMilli(((Number) window[1]).longValue());
        return Optional.of(oldest.plus(CAP_WINDOW).plusMillis(1));
    }

    /** Read when sending, not when queuing: a number changed in between gets the notice. */
    private Optional<String> verifiedMobile(String accountId) {
        return em.createQuery("select a.mobile from Account a where a.id = :id and a.mobileVerified = true",
                        String.class)
                .setParameter("id", accountId).getResultStream().filter(m -> m != null).findFirst();
    }

    /** The longest a sender can take: the gateway's connect and read timeouts, and a margin for the database. */
    private Duration lease() {
        return settings.smsTimeout().multipliedBy(2).plus(Duration.ofMinutes(2));
    }
}
