package org.domicile.web.security;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.domicile.session.application.ChallengeView;

/**
 * What the browser's HTTP session holds: first the challenge whose code the user must type, then,
 * once the code is accepted, only the token of the office session (validated on every request).
 */
public final class BrowserSession {

    public static final String TOKEN = "domicile.session-token";
    public static final String PENDING = "domicile.pending-challenge";

    private BrowserSession() {
    }

    /** The challenge this browser waits on, if any (does not create an HTTP session). */
    public static Optional<PendingChallenge> pending() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        return ec.getSession(false) == null ? Optional.empty()
                : Optional.ofNullable(ec.getSessionMap().get(PENDING)).map(PendingChallenge.class::cast);
    }

    public static PendingChallenge awaitCode(ChallengeView view) {
        var pending = PendingChallenge.of(view);
        FacesContext.getCurrentInstance().getExternalContext().getSessionMap().put(PENDING, pending);
        return pending;
    }

    public static void forgetCode() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        if (ec.getSession(false) != null) {
            ec.getSessionMap().remove(PENDING);
        }
    }

    /** The office session token of this browser, if it has one. */
    public static Optional<String> token() {
        Object session = FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        return session == null ? Optional.empty() : token((HttpSession) session);
    }

    public static Optional<String> token(HttpSession session) {
        return session.getAttribute(TOKEN) instanceof String token ? Optional.of(token) : Optional.empty();
    }

    /**
     * The code was accepted: a new HTTP session id (SECURITY-BASELINE 12, against session
     * fixation), the pending challenge dropped, the office token kept in its place, and the
     * {@link OfficeBinding} cookie issued.
     */
    public static void officeOpened(String token) {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        var request = (HttpServletRequest) ec.getRequest();
        request.changeSessionId();
        ec.getSessionMap().remove(PENDING);
        ec.getSessionMap().put(TOKEN, token);
        OfficeBinding.issue(request, (HttpServletResponse) ec.getResponse(), request.getSession(false));
    }
}
