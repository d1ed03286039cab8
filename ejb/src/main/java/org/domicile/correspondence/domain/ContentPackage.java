package org.domicile.correspondence.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All parts of a correspondence in one byte string, so that one content key protects them
 * together: the 4 ASCII bytes "DCP1", the number of parts, then per part its UTF-8 name (2-byte
 * length) and its bytes (4-byte length), big-endian, in manifest order.
 */
public final class ContentPackage {

    private static final byte[] MAGIC = {'D', 'C', 'P', '1'};

    /** One part: its name as in the manifest and its bytes. */
    public record Part(String name, byte[] bytes) {
    }

    private ContentPackage() {
    }

    public static byte[] encode(List<Part> parts) {
        try {
            var out = new ByteArrayOutputStream(parts.stream().mapToInt(p -> p.bytes().length + 64).sum() + 8);
            var data = new DataOutputStream(out);
            data.write(MAGIC);
            data.writeInt(parts.size());
            for (Part p : parts) {
                byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
                data.writeShort(name.length);
                data.write(name);
                data.writeInt(p.bytes().length);
                data.write(p.bytes());
            }
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts by name, in order. @throws IllegalArgumentException if it is not such a package */
    public static Map<String, byte[]> decode(byte[] encoded) {
        try (var data = new DataInputStream(new java.io.ByteArrayInputStream(encoded))) {
            byte[] magic = data.readNBytes(4);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a content package");
            }
            int count = data.readInt();
            if (count < 0 || count > 1000) {
                throw new IllegalArgumentException("bad part count " + count);
            }
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                byte[] name = exactly(data, data.readUnsignedShort());
                int length = data.readInt();
                if (length < 0 || length > encoded.length) {
                    throw new IllegalArgumentException("bad part length");
                }
                parts.put(new String(name, StandardCharsets.UTF_8), exactly(data, length));
            }
            if (data.read() != -1) {
                throw new IllegalArgumentException("bytes after the last part");
            }
            return parts;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated content package", e);
        }
    }

    private static byte[] exactly(DataInputStream data, int length) throws IOException {
        byte[] bytes = data.readNBytes(length);
        if (bytes.length != length) {
            throw new IllegalArgumentException("truncated content package");
        }
        return bytes;
    }
}
