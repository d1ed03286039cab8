package org.domicile.web.outbox;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.sms.outbox.OutboxEntry;

/**
 * {@code /outbox}: the text messages of this test installation, newest first, with full numbers
 * and bodies (codes included), so a person or a test can read "his phone". It exists only while
 * the local outbox is the gateway, and answers only requests from this machine: to anyone else,
 * and with Twilio configured, it is a plain 404. Every value is HTML-escaped (rule 28).
 */
@WebServlet(urlPatterns = "/outbox")
public class OutboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 50;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Inject
    transient SmsGatewayProvider gateways;

    /** Checked before any method, so that not even a 405 tells a stranger the page exists. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!gateways.outboxInUse() || !fromThisMachine(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> to;
        try {
            to = recipient(request.getParameter("to"));
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println("The parameter \"to\" must be a phone number in international form,"
                    + " e.g. +33612345678.");
            return;
        }
        List<OutboxEntry> entries = to.map(this::messagesTo).orElseGet(() -> gateways.outbox(SHOWN));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        write(response.getWriter(), entries, to);
    }

    private List<OutboxEntry> messagesTo(String e164) {
        return gateways.outboxFor(e164, SHOWN);
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        try {
            // An IP literal: parsed, never looked up.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** "+33612345678"; a "+" left unencoded in the query string arrives as a space, and is read as a "+". */
    static Optional<String> recipient(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        String number = raw.startsWith(" ") ? "+" + raw.substring(1) : raw;
        if (!number.matches("\\+[1-9][0-9]{5,14}")) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        return Optional.of(number);
    }

    private static void write(PrintWriter out, List<OutboxEntry> entries, Optional<String> to) {
        out.println("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Text messages \u00b7 Domicile</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933}"
                + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;"
                + "border-bottom:1px solid #d9e2ec;vertical-align:top}td.body{white-space:pre-wrap}"
                + "</style></head><body>");
        out.println("<h1>Text messages of this test installation</h1>");
        out.println("<p>This page stands in for the phones: it shows what the local outbox sent"
                + to.map(n -> " to " + escape(n)).orElse("") + ", newest first. Only this machine can see it."
                + " It refreshes every 5 seconds.</p>");
        out.println("<table id=\"outbox\"><thead><tr><th>Time (UTC)</th><th>To</th><th>Text</th></tr></thead><tbody>");
        for (OutboxEntry e : entries) {
            out.println("<tr class=\"sms\"><td class=\"at\">" + AT.format(e.at()) + "</td><td class=\"to\">"
                    + escape(e.to()) + "</td><td class=\"body\">" + escape(e.body()) + "</td></tr>");
        }
        out.println("</tbody></table>");
        if (entries.isEmpty()) {
            out.println("<p id=\"empty\">No text message yet.</p>");
        }
        out.println("</body></html>");
    }

    static String escape(String s) {
        var b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
