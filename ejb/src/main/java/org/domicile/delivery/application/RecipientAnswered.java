package org.domicile.delivery.application;

import java.time.Instant;
import org.domicile.delivery.domain.DeliveryStatus;

/**
 * A recipient accepted, refused, or let the deadline pass. Fired synchronously in the
 * transaction that records the answer, so that what observers do (evidence, the sender's notice,
 * the end of the HANDOVER step) commits with it or not at all.
 *
 * @param allAnswered whether every recipient of the correspondence has now answered
 */
public record RecipientAnswered(String correspondenceId, String recipientId, DeliveryStatus outcome, Instant at,
                                boolean allAnswered) {
}
