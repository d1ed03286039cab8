package org.domicile.messaging.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.domicile.messaging.domain.SmsRecord;
import org.domicile.platform.TimeSource;
import org.domicile.sms.SmsReceipt;
import org.domicile.sms.SmsStatus;

/**
 * The records of text messages, each change in a transaction of its own: a message that was
 * sent counts against the cap even when the work that asked for it is rolled back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SmsRecords {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    TimeSource time;

    public String open(String accountId, String e164, String purpose, String gateway) {
        var r = new SmsRecord(accountId, e164, purpose, gateway, time.now());
        em.persist(r);
        return r.id();
    }

    public void accepted(String id, SmsReceipt receipt) {
        em.find(SmsRecord.class, id).accepted(receipt.providerId(), receipt.status(), time.now());
    }

    public void failed(String id, String error) {
        em.find(SmsRecord.class, id).failed(error, time.now());
    }

    /** Records a delivery report; false when no message has that provider id. */
    public boolean reported(String providerId, SmsStatus status) {
        Optional<SmsRecord> r = em.createQuery("select s from SmsRecord s where s.providerId = :p", SmsRecord.class)
                .setParameter("p", providerId).getResultStream().findFirst();
        r.ifPresent(s -> s.reported(status, time.now()));
        return r.isPresent();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long countSince(String e164, String purpose, Instant since) {
        return em.createQuery("select count(s) from SmsRecord s where s.recipient = :r and s.purpose = :p"
                        + " and s.createdAt >= :t", Long.class)
                .setParameter("r", e164).setParameter("p", purpose).setParameter("t", since.toEpochMilli())
                .getSingleResult();
    }
}
