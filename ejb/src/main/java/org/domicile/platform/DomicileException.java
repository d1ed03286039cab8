package org.domicile.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the user is meant to read: its message is a clear sentence, never a stack trace.
 * Thrown from an application service it rolls the transaction back, so a refused request
 * changes nothing.
 */
@ApplicationException(rollback = true)
public class DomicileException extends RuntimeException {
    public DomicileException(String userMessage) {
        super(userMessage);
    }

    public DomicileException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
