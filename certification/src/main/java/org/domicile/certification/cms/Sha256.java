package org.domicile.certification.cms;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 digests and their lowercase hex form, the way every digest appears in tokens and evidence.
 * Uses the JDK's SHA-256, which is several times faster than BouncyCastle's.
 */
public final class Sha256 {

    /** Length of a digest in bytes. */
    public static final int BYTES = 32;

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** The SHA-256 digest of {@code data}. */
    public static byte[] of(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("data to digest must not be null");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The lowercase hex SHA-256 digest of {@code data} (64 characters). */
    public static String hexOf(byte[] data) {
        return HEX.formatHex(of(data));
    }

    /** Whether {@code text} is a digest as written in tokens and evidence: exactly 64 lowercase hex digits. */
    public static boolean isHexDigest(String text) {
        return text != null && HEX_DIGEST.matcher(text).matches();
    }

    /** Lowercase hex of arbitrary bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
