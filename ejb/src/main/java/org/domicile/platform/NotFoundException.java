package org.domicile.platform;

import jakarta.ejb.ApplicationException;

/** What was asked for does not exist, or does not belong to the one asking (deny by default). */
@ApplicationException(rollback = true)
public class NotFoundException extends DomicileException {
    public NotFoundException(String userMessage) {
        super(userMessage);
    }
}
