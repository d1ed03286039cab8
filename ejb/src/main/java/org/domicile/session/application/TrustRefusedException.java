package org.domicile.session.application;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.domicile.platform.DomicileException;

/**
 * The certification server did not vouch for every party (or could not be asked): no session.
 * The message names only the asking user's own parties (himself, his counterparts, the chain).
 */
@ApplicationException(rollback = true)
public class TrustRefusedException extends DomicileException {
    private final List<String> reasons;

    public TrustRefusedException(List<String> reasons) {
        super("The session cannot be opened: " + String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
