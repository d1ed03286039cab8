package org.domicile.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.domicile.correspondence.domain.CorrespondenceId;
import org.domicile.correspondence.domain.CorrespondenceRepository;
import org.domicile.delivery.domain.Delivery;
import org.domicile.delivery.domain.DeliveryStatus;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.TimeSource;

/**
 * Puts a correspondence in its recipients' offices (the DELIVER step's work) and ends the
 * deliveries whose deadline passed. Answers are announced with {@link RecipientAnswered}.
 */
@Stateless
public class Deliveries {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @Inject
    Event<RecipientAnswered> answered;

    @Inject
    CorrespondenceRepository correspondences;

    /** One delivery per recipient account, waiting until {@code now} plus the handover period. */
    public List<Delivery> deliver(String correspondenceId, List<String> recipientIds, Instant now) {
        Instant deadline = now.plus(settings.handoverPeriod());
        var made = new ArrayList<Delivery>();
        for (int i = 0; i < recipientIds.size(); i++) {
            var d = new Delivery(correspondenceId, recipientIds.get(i), i, now, deadline);
            em.persist(d);
            made.add(d);
        }
        return made;
    }

    /** The deliveries of a correspondence, in the sender's order of recipients. */
    public List<Delivery> of(String correspondenceId) {
        return em.createQuery("select d from Delivery d where d.correspondenceId = :c order by d.ordinal",
                Delivery.class).setParameter("c", correspondenceId).getResultList();
    }

    /** Correspondence with at least one delivery whose deadline passed unanswered (at most {@code limit}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> withPassedDeadline(Instant now, int limit) {
        return em.createQuery("select distinct d.correspondenceId from Delivery d where d.status = :w"
                        + " and d.deadlineAt <= :now", String.class)
                .setParameter("w", DeliveryStatus.WAITING).setParameter("now", now.toEpochMilli())
                .setMaxResults(limit).getResultList();
    }

    /** Ends, in a transaction of its own, the deliveries of one correspondence whose deadline passed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expire(String correspondenceId) {
        Instant now = time.now();
        // One answer at a time per correspondence (see Inbox.answer).
        correspondences.lock(new CorrespondenceId(correspondenceId));
        int expired = 0;
        for (Delivery d : of(correspondenceId)) {
            if (d.status() == DeliveryStatus.WAITING && d.isPastDeadline(now)) {
                d.expire(now);
                expired++;
                announce(d, now);
            }
        }
        return expired;
    }

    /** Tells the observers of one answer; called after the answer is recorded. */
    public void announce(Delivery d, Instant now) {
        em.flush();
        boolean all = of(d.correspondenceId()).stream().allMatch(x -> x.status().answered());
        answered.fire(new RecipientAnswered(d.correspondenceId(), d.recipientId(), d.status(), now, all));
    }
}
