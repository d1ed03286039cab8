package org.domicile.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.domicile.audit.AuditLog;
import org.domicile.session.application.SessionPrincipal;
import org.domicile.session.application.SessionRegistry;

/**
 * Deny by default for /office/* and /console/*: the browser must hold the {@link OfficeBinding}
 * cookie of its HTTP session, and every request's token is checked against the
 * session registry (one database read, on purpose: logout, timeouts and a lowered trust level
 * take effect at once, SECURITY-BASELINE 14). The console answers 404 to anyone but the operator,
 * so it does not even admit that it exists (rule 17).
 */
public class OfficeGuard implements Filter {

    /** Request attribute holding the {@link SessionPrincipal} of a checked request. */
    public static final String PRINCIPAL = "domicile.principal";

    private static final Logger LOG = Logger.getLogger(OfficeGuard.class.getName());
    private static final String EXPIRED = "/login.xhtml?expired=1";

    @EJB
    SessionRegistry sessions;

    @EJB
    AuditLog audit;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        HttpSession session = request.getSession(false);
        if (session != null && BrowserSession.token(session).isPresent() && !OfficeBinding.holds(request, session)) {
            // Someone else's session id without its cookie: refused, but the session stays with its owner.
            LOG.warning(() -> "Office request with a session id but without its binding cookie, from "
                    + ClientAddress.of(request));
            redirect(request, response, request.getContextPath() + EXPIRED);
            return;
        }
        Optional<SessionPrincipal> principal = Optional.ofNullable(session)
                .flatMap(BrowserSession::token).flatMap(sessions::validate);
        if (principal.isEmpty()) {
            if (session != null) {
                session.invalidate();
            }
            OfficeBinding.clear(request, response);
            redirect(request, response, request.getContextPath() + EXPIRED);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/console/") && !principal.get().isOperator()) {
            LOG.warning(() -> "Console refused to account " + principal.get().accountId());
            audit.record(principal.get().loginName(), "console.denied", path, "DENIED", ClientAddress.of(request),
                    "not an operator");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(PRINCIPAL, principal.get());
        chain.doFilter(request, response);
    }

    /** A JSF AJAX request cannot follow an HTTP redirect: it gets a partial response that says where to go. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"" + url.replace("&", "&amp;") + "\"/></partial-response>");
        } else {
            response.sendRedirect(url);
        }
    }
}
