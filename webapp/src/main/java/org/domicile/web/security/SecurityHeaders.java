package org.domicile.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every response: no sniffing, no framing, no referrer, and a Content-Security-Policy.
 * JSF pages get theirs from PrimeFaces (context parameter {@code primefaces.CSP_POLICY}), which
 * adds a fresh script nonce to every response: a second header here would take the nonce away.
 * Pages with personal data or codes are never stored by the browser or a proxy.
 */
public class SecurityHeaders implements Filter {

    /** The policy of every response that is not a JSF page (the outbox, static pages). No script at all. */
    static final String POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'self'";

    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        boolean facesPage = path.endsWith(".xhtml") && !path.startsWith(RESOURCES);
        if (!facesPage && !path.startsWith(RESOURCES)) {
            response.setHeader("Content-Security-Policy", POLICY);
        }
        // Every page may show a name, a masked number or a code form; only shared resources are cacheable.
        if (!path.startsWith(RESOURCES)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
