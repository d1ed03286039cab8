package org.domicile.chain.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.domicile.messaging.application.Notifications;

/**
 * The chain's SMS notices (delivery to recipients, answers and stops to senders): queued in the
 * step's transaction, sent afterwards with retry and backoff, never blocking the chain. The
 * reference makes each notice unique, so a repeated step cannot queue it twice.
 */
@Stateless
public class Notices {

    public static final String PURPOSE = "NOTICE";
    /** Reference prefix of a delivery notice: its outcome becomes evidence. */
    public static final String DELIVERY = "delivery:";

    @EJB
    Notifications notifications;

    public void tell(String accountId, String text, String reference) {
        notifications.enqueue(accountId, PURPOSE, text, reference);
    }
}
