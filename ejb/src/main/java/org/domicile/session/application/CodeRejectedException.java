package org.domicile.session.application;

import jakarta.ejb.ApplicationException;
import org.domicile.platform.DomicileException;

/**
 * A code that does not open the session. Unlike other refusals it does not roll back: the
 * counted attempt must stay counted (SECURITY-BASELINE 6).
 */
@ApplicationException(rollback = false)
public class CodeRejectedException extends DomicileException {
    private final int triesLeft;

    public CodeRejectedException(String userMessage, int triesLeft) {
        super(userMessage);
        this.triesLeft = triesLeft;
    }

    /** Tries left on this code; 0 when the user must start again. */
    public int triesLeft() {
        return triesLeft;
    }
}
