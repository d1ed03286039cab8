package org.domicile.container;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.domicile.messaging.application.NotificationDelivery;
import org.domicile.messaging.domain.Notification;
import org.domicile.messaging.domain.SmsRecord;

/** Notices in states the tests cannot reach by waiting, and counts of their messages. Each method one transaction. */
@Stateless
public class NotificationFixtures {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    /**
     * What a server that died while handing a notice to the gateway leaves behind: claimed at
     * {@code claimedAt} for one minute, its message record without an answer.
     */
    public String abandonedClaim(String accountId, String e164, String reference, String body, Instant claimedAt) {
        var record = new SmsRecord(accountId, e164, NotificationDelivery.SMS_PURPOSE, "outbox", claimedAt);
        em.persist(record);
        var n = new Notification(accountId, "TEST_NOTICE", body, reference, claimedAt);
        n.claim(record.id(), claimedAt, Duration.ofMinutes(1));
        em.persist(n);
        return n.id();
    }

    /** How many message records notices have to this number: one per claim won. */
    public long noticeRecordsTo(String e164) {
        return ((Number) em.createNativeQuery("select count(*) from sms_message where recipient = ?1 and purpose = ?2")
                .setParameter(1, e164).setParameter(2, NotificationDelivery.SMS_PURPOSE)
                .getSingleResult()).longValue();
    }
}
