package org.domicile.delivery.domain;

/** A recipient's answer to a delivered correspondence. */
public enum DeliveryStatus {
    /** In his office; he has not answered yet. */
    WAITING,
    /** Accepted in a correspondence session: the content is released to him. */
    ACCEPTED,
    /** Refused in a correspondence session. */
    REFUSED,
    /** Not answered before the deadline. */
    EXPIRED;

    public boolean answered() {
        return this != WAITING;
    }
}
