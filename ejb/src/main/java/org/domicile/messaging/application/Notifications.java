package org.domicile.messaging.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.domicile.messaging.domain.Notification;
import org.domicile.platform.TimeSource;

/**
 * Notices for users' phones that must not be lost and must not hold up the work they report
 * (SECURITY-BASELINE 24): queued in the caller's transaction, so that one exists exactly when
 * that work commits, and sent afterwards by the {@link NotificationWorker}, with retry and
 * backoff. What became of each is told by a {@link NotificationOutcome} event.
 */
@Stateless
public class Notifications {

    /** Marks a transaction that already wakes the worker when it commits. */
    private static final Object WAKE_AFTER_COMMIT = new Object();

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    TimeSource time;

    @EJB
    NotificationWorker worker;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    /**
     * Queues a notice in the caller's transaction; it is sent soon after that transaction commits,
     * and never if it rolls back. Idempotent on ({@code reference}, {@code accountId}): queuing the
     * same notice again returns the first one's id and changes nothing, even when purpose or text
     * differ. Found by a query, not by a failing insert, so the caller's transaction stays usable.
     * Two transactions queuing the same notice at the same instant still meet the unique
     * constraint: one of them fails at commit, which is right, since its work was a duplicate too.
     *
     * @param purpose   what kind of notice: 1 to 40 letters, digits, '_', '.' or '-'
     * @param body      the text: 1 to 1600 characters
     * @param reference what it is about (e.g. a correspondence id and an event): 1 to 200 characters
     * @return the notice's id
     * @throws IllegalArgumentException when a field is out of its limits: a defect of the caller,
     *                                  which rolls the caller's transaction back
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String enqueue(String accountId, String purpose, String body, String reference) {
        Optional<String> queued = em.createQuery(
                        "select n.id from Notification n where n.reference = :r and n.accountId = :a", String.class)
                .setParameter("r", reference).setParameter("a", accountId)
                .getResultStream().findFirst();
        if (queued.isPresent()) {
            return queued.get();
        }
        var n = new Notification(accountId, purpose, body, reference, time.now());
        em.persist(n);
        wakeWorkerAfterCommit();
        return n.id();
    }

    /** One notice as the chain and the console see it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<NotificationView> find(String id) {
        return Optional.ofNullable(em.find(Notification.class, id)).map(n -> views(List.of(n)).get(0));
    }

    /** The newest notices, for the operator console. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NotificationView> recent(int limit) {
        return views(em.createQuery("select n from Notification n order by n.createdAt desc", Notification.class)
                .setMaxResults(limit).getResultList());
    }

    /** Each with the number its latest attempt went to, or else the account's current one. */
    private List<NotificationView> views(List<Notification> notices) {
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<String, String> used = pairs("select s.id, s.recipient from SmsRecord s where s.id in :ids",
                notices.stream().flatMap(n -> n.smsRecordId().stream()).distinct().toList());
        Map<String, String> current = pairs("select a.id, a.mobile from Account a where a.id in :ids",
                notices.stream().map(Notification::accountId).distinct().toList());
        return notices.stream()
                .map(n -> NotificationView.of(n, n.smsRecordId().map(used::get).orElse(current.get(n.accountId()))))
                .toList();
    }

    private Map<String, String> pairs(String jpql, List<String> ids) {
        Map<String, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(row -> out.put((String) row[0], (String) row[1]));
        }
        return out;
    }

    /**
     * Once per transaction, whatever the number of notices: the worker looks for due notices as
     * soon as the caller's work is committed, instead of at its next poll. Handed to another
     * thread, because after completion the committing thread may no longer call into beans.
     */
    private void wakeWorkerAfterCommit() {
        if (transactions.getResource(WAKE_AFTER_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_AFTER_COMMIT, Boolean.TRUE);
        NotificationWorker target = worker;
        ManagedExecutorService threads = executor;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare: the notice is written with the caller's work.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        threads.execute(target::wake);
                    } catch (RejectedExecutionException shuttingDown) {
                        // The worker's poll picks the notice up after the restart.
                    }
                }
            }
        });
    }
}
