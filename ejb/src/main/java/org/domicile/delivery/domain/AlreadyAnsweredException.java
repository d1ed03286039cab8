package org.domicile.delivery.domain;

import org.domicile.platform.DomicileException;

/** The recipient has already answered (or the deadline passed): an answer cannot change. */
public class AlreadyAnsweredException extends DomicileException {
    private static final long serialVersionUID = 1L;

    public AlreadyAnsweredException(DeliveryStatus status) {
        super(switch (status) {
            case ACCEPTED -> "You have already accepted this correspondence.";
            case REFUSED -> "You have already refused this correspondence.";
            case EXPIRED -> "The deadline to accept this correspondence has passed.";
            case WAITING -> "This correspondence is waiting for your answer.";
        });
    }
}
