package org.domicile.certification.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex, the digest format of every bundle file (JDK implementation: the fast one). */
final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    static byte[] sha256(byte[] data) {
        return newSha256().digest(data);
    }

    /** SHA-256 of a file, streamed: content files may be far larger than memory. */
    static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HEX.formatHex(digest.digest());
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Whether {@code s} is a lowercase hex SHA-256 value (64 characters). */
    static boolean isSha256Hex(String s) {
        return s != null && s.matches("[0-9a-f]{64}");
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
