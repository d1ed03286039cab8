package org.domicile.web.correspondence;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.Optional;

/**
 * The sendings this browser waits on, one per correspondence, in its HTTP session: a code only
 * works in the browser session that asked for it, and the challenge never travels in a page.
 */
final class PendingSendings {

    private static final String PREFIX = "domicile.sending.";

    private PendingSendings() {
    }

    static Optional<PendingSending> of(String correspondenceId) {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        if (correspondenceId == null || ec.getSession(false) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ec.getSessionMap().get(PREFIX + correspondenceId)).map(PendingSending.class::cast);
    }

    static PendingSending await(PendingSending pending) {
        sessionMap().put(PREFIX + pending.correspondenceId(), pending);
        return pending;
    }

    static void forget(String correspondenceId) {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        if (correspondenceId != null && ec.getSession(false) != null) {
            ec.getSessionMap().remove(PREFIX + correspondenceId);
        }
    }

    private static Map<String, Object> sessionMap() {
        return FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
    }
}
