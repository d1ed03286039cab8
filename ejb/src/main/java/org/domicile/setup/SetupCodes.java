package org.domicile.setup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time setup codes: 80 random bits written as four groups of four letters and digits
 * (no look-alike characters), kept only as a salted HMAC.
 */
final class SetupCodes {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SetupCodes() {
    }

    static String newCode() {
        var b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    static String form(byte[] key, String code) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        var enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString(salt) + "." + enc.encodeToString(mac(key, salt, normalise(code)));
    }

    static boolean matches(byte[] key, String form, String typed) {
        if (typed == null || typed.length() > 64 || form == null) {
            return false;
        }
        String[] parts = form.split("\\.");
        if (parts.length != 2) {
            return false;
        }
        var dec = Base64.getUrlDecoder();
        byte[] expected = dec.decode(parts[1]);
        return MessageDigest.isEqual(expected, mac(key, dec.decode(parts[0]), normalise(typed)));
    }

    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] mac(byte[] key, byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(salt);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
