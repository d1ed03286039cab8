package org.domicile.messaging.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import org.domicile.messaging.domain.SmsRecord;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.LimitReachedException;
import org.domicile.platform.ServiceUnavailableException;
import org.domicile.platform.TimeSource;
import org.domicile.sms.SmsException;
import org.domicile.sms.SmsMessage;
import org.domicile.sms.SmsReceipt;

/**
 * Sends one text message now, under the per-number and per-purpose cap (SECURITY-BASELINE 6: SMS cost abuse),
 * and keeps a record of it whatever happens. A failure reaches the caller as a
 * {@link DomicileException} with a sentence for the user, which rolls the caller's work back:
 * no code is left waiting that the user never received.
 */
@Stateless
public class SmsDispatch {

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    SmsGatewayProvider gateways;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @EJB
    SmsRecords records;

    /** Sends {@code body} to {@code e164}; returns the id of the message record. */
    public String send(String accountId, String e164, String purpose, String body) {
        var now = time.now();
        // Counted per purpose: registrations typed with somebody else's number must not use up
        // the login codes of that number's owner.
        long sentLastHour = records.countSince(e164, purpose, now.minus(Duration.ofHours(1)));
        if (sentLastHour >= settings.smsPerNumberPerHour()) {
            throw new LimitReachedException("Too many text messages were sent to this number in the last hour. "
                    + "Please try again later.", Duration.ofHours(1));
        }
        var gateway = gateways.gateway();
        String recordId = records.open(accountId, e164, purpose, gateway.name());
        try {
            SmsReceipt receipt = gateway.send(new SmsMessage(e164, body, recordId));
            records.accepted(recordId, receipt);
            return recordId;
        } catch (SmsException e) {
            records.failed(recordId, e.kind() + ": " + e.getMessage());
            if (e.kind() == SmsException.Kind.UNAVAILABLE) {
                throw new ServiceUnavailableException(e.userMessage());
            }
            throw new DomicileException(e.userMessage());
        } catch (RuntimeException e) {
            records.failed(recordId, e.getClass().getSimpleName());
            throw new DomicileException("The text message could not be sent. Please try again later.");
        }
    }

    /**
     * A notice whose failure must not undo the caller's work: sent in a transaction of its own.
     * Returns whether it was sent.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sendNotice(String accountId, String e164, String purpose, String body) {
        try {
            send(accountId, e164, purpose, body);
            return true;
        } catch (DomicileException notSent) {
            return false;
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SmsRecord> latest(int limit) {
        return em.createQuery("select s from SmsRecord s order by s.createdAt desc", SmsRecord.class)
                .setMaxResults(limit).getResultList();
    }
}
