package org.domicile.container;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.domicile.messaging.application.NotificationOutcome;

/**
 * Observes notice outcomes as the processing chain will: inside the transaction that records
 * them. It can be told to throw once for a reference, as an observer whose own work fails would.
 * Keeps only what it accepted.
 */
@ApplicationScoped
public class OutcomeRecorder {

    /** An outcome, and whether it arrived inside an active transaction. */
    public record Observed(NotificationOutcome outcome, boolean inTransaction) {
    }

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final List<Observed> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> refuseOnce = ConcurrentHashMap.newKeySet();

    void observe(@Observes NotificationOutcome outcome) {
        if (refuseOnce.remove(outcome.reference())) {
            throw new IllegalStateException("the test observer refuses this outcome once");
        }
        accepted.add(new Observed(outcome, transactions.getTransactionStatus() == Status.STATUS_ACTIVE));
    }

    /** The next outcome for {@code reference} makes the observer throw. */
    public void refuseOnce(String reference) {
        refuseOnce.add(reference);
    }

    public List<Observed> of(String reference) {
        return accepted.stream().filter(o -> o.outcome().reference().equals(reference)).toList();
    }
}
