package org.domicile.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.domicile.session.application.SessionPrincipal;

/**
 * The person behind this request's office session, as {@link OfficeGuard} found it. Only pages
 * under /office and /console have one; elsewhere {@link #principal()} refuses.
 */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    public SessionPrincipal principal() {
        if (request.getAttribute(OfficeGuard.PRINCIPAL) instanceof SessionPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("No office session on this request");
    }

    public String getDisplayName() {
        return principal().displayName();
    }

    public String getLoginName() {
        return principal().loginName();
    }

    public String getTrustLevel() {
        return principal().trustLevel().name();
    }

    public boolean isOperator() {
        return principal().isOperator();
    }
}
