package org.domicile.session.application;

import jakarta.ejb.ApplicationException;
import org.domicile.platform.DomicileException;

/** Password step refused. The message is the same whether or not the account exists (SECURITY-BASELINE 7). */
@ApplicationException(rollback = true)
public class LoginRefusedException extends DomicileException {
    public static final String MESSAGE = "Login name or password is wrong.";

    public LoginRefusedException() {
        super(MESSAGE);
    }

    public LoginRefusedException(String message) {
        super(message);
    }
}
