package org.domicile.api;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.domicile.session.application.SessionPrincipal;
import org.domicile.session.application.SessionRegistry;

/**
 * Checks {@code Authorization: Bearer <token>} on every {@link Authenticated} request against
 * the session registry, so that logout, timeouts and a lowered trust level take effect on the
 * very next request. Cookies play no part, which keeps the API out of reach of CSRF.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerAuthentication implements ContainerRequestFilter {

    static final String SESSION_ENDED = "Your session has ended. Please log in again.";
    private static final String SCHEME = "Bearer ";

    @EJB
    SessionRegistry sessions;

    @Inject
    CurrentSession current;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).strip() : null;
        Optional<SessionPrincipal> principal = token == null ? Optional.empty() : sessions.validate(token);
        if (principal.isEmpty()) {
            request.abortWith(unauthorized(SESSION_ENDED));
            return;
        }
        current.set(principal.get(), token);
    }

    /** A 401 with the challenge header RFC 6750 asks for. */
    static Response unauthorized(String message) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"domicile\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(message))
                .build();
    }
}
