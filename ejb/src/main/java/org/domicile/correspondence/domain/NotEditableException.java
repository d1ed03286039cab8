package org.domicile.correspondence.domain;

import org.domicile.platform.DomicileException;

/** A change asked of a correspondence that has been sent: refused, nothing changed. */
public class NotEditableException extends DomicileException {
    public NotEditableException() {
        super("This correspondence has been sent: it can no longer be changed or deleted.");
    }
}
