package org.domicile.certification.trust;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the unambiguous byte encoding that is signed: every variable-length value is preceded by its
 * length, so no two different field sequences can produce the same bytes.
 */
final class CanonicalWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    CanonicalWriter text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        integer(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    CanonicalWriter integer(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    CanonicalWriter longInteger(long value) {
        integer((int) (value >>> 32));
        return integer((int) value);
    }

    CanonicalWriter flag(boolean value) {
        out.write(value ? 1 : 0);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
