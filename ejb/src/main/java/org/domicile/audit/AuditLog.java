package org.domicile.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.domicile.platform.TimeSource;

/**
 * Appends to the audit trail. A refusal is recorded in a transaction of its own ({@link #record}):
 * a refused login rolls back everything else, but its audit line stays. An action done is recorded
 * with the action ({@link #recordDone}): the line commits with it, or neither does. Never given
 * codes, passwords or keys.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    TimeSource time;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String actor, String action, String target, String outcome, String source, String detail) {
        em.persist(new AuditEvent(time.now(), actor, action, target, outcome, source, detail));
    }

    /** An action done: outcome OK, in the caller's transaction (one of its own when there is none). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordDone(String actor, String action, String target, String source, String detail) {
        em.persist(new AuditEvent(time.now(), actor, action, target, "OK", source, detail));
    }

    public List<AuditEvent> latest(int limit) {
        return em.createQuery("select e from AuditEvent e order by e.at desc", AuditEvent.class)
                .setMaxResults(limit).getResultList();
    }

    public List<AuditEvent> latestFor(String target, int limit) {
        return em.createQuery("select e from AuditEvent e where e.target = :t order by e.at desc", AuditEvent.class)
                .setParameter("t", target).setMaxResults(limit).getResultList();
    }
}
