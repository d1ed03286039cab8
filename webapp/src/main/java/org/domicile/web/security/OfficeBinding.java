package org.domicile.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.domicile.platform.Ids;

/**
 * A second, 256-bit random cookie that an office session needs besides the HTTP session.
 * Payara's own session ids mix a clock, a hash code and a few random ints (fewer than the 128
 * random bits of SECURITY-BASELINE 12); with this cookie a guessed JSESSIONID opens nothing.
 * The HTTP session keeps only its SHA-256, compared in constant time.
 */
public final class OfficeBinding {

    static final String COOKIE = "DOMICILE_OFFICE";
    static final String HASH = "domicile.office-binding";

    private OfficeBinding() {
    }

    /** Issues a new binding for the office session just opened in {@code session}. */
    public static void issue(HttpServletRequest request, HttpServletResponse response, HttpSession session) {
        String value = Ids.random(32);
        session.setAttribute(HASH, hash(value));
        response.addCookie(cookie(request, value, -1));
    }

    /** True if the request carries the binding cookie of its HTTP session. */
    static boolean holds(HttpServletRequest request, HttpSession session) {
        if (!(session.getAttribute(HASH) instanceof byte[] expected) || request.getCookies() == null) {
            return false;
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName()))
                .anyMatch(c -> MessageDigest.isEqual(expected, hash(c.getValue())));
    }

    /** Tells the browser to drop the cookie (logout, ended session). */
    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        var cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    private static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
