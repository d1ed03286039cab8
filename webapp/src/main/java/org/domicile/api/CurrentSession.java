package org.domicile.api;

import jakarta.enterprise.context.RequestScoped;
import org.domicile.session.application.SessionPrincipal;

/**
 * The office session behind the current API request, set by {@link BearerAuthentication} once
 * the token checked out. The token itself is kept only for logout and never shown.
 */
@RequestScoped
public class CurrentSession {

    private SessionPrincipal principal;
    private String token;

    void set(SessionPrincipal principal, String token) {
        this.principal = principal;
        this.token = token;
    }

    /** The principal; only called from {@link Authenticated} resources, where it is always set. */
    public SessionPrincipal principal() {
        if (principal == null) {
            throw new IllegalStateException("No session on this request: is the resource @Authenticated?");
        }
        return principal;
    }

    /** The bearer token of this request, for logout. Never to be logged or shown. */
    public String token() {
        principal(); // same guard: no token without a checked session
        return token;
    }

    @Override
    public String toString() {
        return "CurrentSession[" + (principal == null ? "-" : principal.sessionId()) + "]";
    }
}
