package org.domicile.web.correspondence;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A compose-page request too large for the Faces servlet's multipart bounds (web.xml) would reach
 * the page without any of its fields, since the container refuses to read it: the person would
 * see an empty page and no reason. Such a request is answered here instead, before anything is
 * read into the page: 413 and a plain page saying the limits. Nothing is changed.
 * (Declared by annotation, so it runs after the filters of web.xml, the office guard among them.)
 */
@WebFilter(urlPatterns = "/office/compose.xhtml")
public class UploadSizeLimit implements Filter {

    /** The multipart {@code max-file-size} of the Faces servlet: no larger request can carry a file the page accepts. */
    static final long MAX_REQUEST_BYTES = 12L * 1024 * 1024;
    /** Read and dropped, so that the browser gets the answer instead of a broken connection; beyond, it is closed. */
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;
    private static final String POLICY = "default-src 'none'; style-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() <= MAX_REQUEST_BYTES) {
            chain.doFilter(req, res);
            return;
        }
        var response = (HttpServletResponse) res;
        boolean drained = drain(request);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Content-Security-Policy", POLICY);
        if (!drained) {
            response.setHeader("Connection", "close");
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String context = request.getContextPath();
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>File too large"
                + " \u00b7 Domicile</title><link rel=\"stylesheet\" href=\"" + context
                + "/jakarta.faces.resource/css/domicile.css.xhtml\"></head><body><header class=\"site\">"
                + "<span class=\"brand\">Domicile</span></header><main><h1>The file is too large</h1>"
                + "<section><p id=\"too-large\">A file may have at most 10 MB, and the files of a correspondence"
                + " 25 MB in all. Nothing was added and nothing was changed.</p>"
                + "<p>Your browser's Back button returns to your draft; or open it from your"
                + " <a href=\"" + context + "/office/drafts.xhtml\">drafts</a>.</p></section></main></body></html>");
    }

    private static boolean drain(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > DRAIN_BYTES) {
            return false;
        }
        ServletInputStream in = request.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) >= 0) {
            // dropped
        }
        return true;
    }
}
