package org.domicile.platform;

import jakarta.ejb.ApplicationException;

/** An outside service (the SMS provider) does not answer; nothing was done, trying later may work. */
@ApplicationException(rollback = true)
public class ServiceUnavailableException extends DomicileException {
    public ServiceUnavailableException(String userMessage) {
        super(userMessage);
    }
}
