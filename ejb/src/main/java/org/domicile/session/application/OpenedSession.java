package org.domicile.session.application;

/**
 * A session just opened. The token is handed out once (to the browser session or the API
 * client) and only its hash is kept; it must never be logged.
 */
public record OpenedSession(String token, SessionPrincipal principal) {
    @Override
    public String toString() {
        return "OpenedSession[" + principal.sessionId() + "]";
    }
}
