package org.domicile.platform;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random identifiers: 128 bits from a CSPRNG, base64url without padding (22 characters).
 * Used for entity ids and, at the same strength, for session tokens (SECURITY-BASELINE 12).
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        return random(16);
    }

    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True for something shaped like an id this class makes (guards lookups from garbage). */
    public static boolean looksLikeId(String s) {
        return s != null && s.length() >= 16 && s.length() <= 64 && s.matches("[A-Za-z0-9_-]+");
    }
}
