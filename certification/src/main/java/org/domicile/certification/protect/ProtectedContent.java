package org.domicile.certification.protect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encrypted content with what a recipient needs to open it.
 *
 * <p>{@link #encode()} writes a simple container: the 4 ASCII bytes "DPC1", then the IV, the ciphertext
 * and the EnvelopedData, each preceded by its length as a 4-byte big-endian unsigned integer.
 *
 * @param iv           the 12-byte AES-GCM nonce
 * @param ciphertext   AES-256-GCM ciphertext with the 16-byte tag appended
 * @param envelopedKey DER CMS EnvelopedData holding the 32-byte content key for every recipient
 */
public record ProtectedContent(byte[] iv, byte[] ciphertext, byte[] envelopedKey) {

    /** GCM nonce length in bytes. */
    public static final int IV_BYTES = 12;

    /** GCM tag length in bytes. */
    public static final int TAG_BYTES = 16;

    private static final byte[] MAGIC = "DPC1".getBytes(StandardCharsets.US_ASCII);

    public ProtectedContent {
        if (iv == null || iv.length != IV_BYTES) {
            throw new IllegalArgumentException("IV must be " + IV_BYTES + " bytes");
        }
        if (ciphertext == null || ciphertext.length < TAG_BYTES) {
            throw new IllegalArgumentException("ciphertext must hold at least the " + TAG_BYTES + "-byte tag");
        }
        if (envelopedKey == null || envelopedKey.length == 0) {
            throw new IllegalArgumentException("the enveloped content key is missing");
        }
        iv = iv.clone();
        ciphertext = ciphertext.clone();
        envelopedKey = envelopedKey.clone();
    }

    /** A copy of the IV. */
    @Override
    public byte[] iv() {
        return iv.clone();
    }

    /** A copy of the ciphertext (with tag). */
    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** A copy of the DER EnvelopedData. */
    @Override
    public byte[] envelopedKey() {
        return envelopedKey.clone();
    }

    /** The container bytes. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 3 * Integer.BYTES + iv.length + ciphertext.length
                + envelopedKey.length);
        out.put(MAGIC);
        for (byte[] part : new byte[][] {iv, ciphertext, envelopedKey}) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    /**
     * Reads a container made by {@link #encode()}.
     *
     * @throws ProtectionException (MALFORMED) if it is not exactly such a container
     */
    public static ProtectedContent decode(byte[] encoded) {
        if (encoded == null || encoded.length < MAGIC.length
                || !Arrays.equals(MAGIC, Arrays.copyOf(encoded, MAGIC.length))) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED, "not a protected-content container");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded, MAGIC.length, encoded.length - MAGIC.length);
        byte[][] parts = new byte[3][];
        for (int i = 0; i < parts.length; i++) {
            if (in.remaining() < Integer.BYTES) {
                throw new ProtectionException(ProtectionException.Reason.MALFORMED, "container is truncated");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > in.remaining()) {
                throw new ProtectionException(ProtectionException.Reason.MALFORMED,
                        "container part " + i + " claims " + length + " bytes, only " + in.remaining() + " remain");
            }
            parts[i] = new byte[(int) length];
            in.get(parts[i]);
        }
        if (in.hasRemaining()) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED, "unexpected bytes after the container");
        }
        try {
            return new ProtectedContent(parts[0], parts[1], parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ProtectionException(ProtectionException.Reason.MALFORMED, e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProtectedContent that && Arrays.equals(iv, that.iv)
                && Arrays.equals(ciphertext, that.ciphertext) && Arrays.equals(envelopedKey, that.envelopedKey);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(iv) + Arrays.hashCode(ciphertext)) + Arrays.hashCode(envelopedKey);
    }

    @Override
    public String toString() {
        return "ProtectedContent[ciphertext=" + ciphertext.length + " bytes, envelopedKey=" + envelopedKey.length
                + " bytes]";
    }
}
