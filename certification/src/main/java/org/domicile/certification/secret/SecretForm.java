package org.domicile.certification.secret;

import java.util.Arrays;
import java.util.Base64;

/**
 * The form of a one-time secret kept by the domiciliation server: a random salt and an HMAC that can
 * check a typed code but cannot reveal it without the verifier key, which lives elsewhere.
 *
 * @param salt 16 random bytes
 * @param mac  32-byte HMAC-SHA256 over salt, session id, bound data and code
 */
public record SecretForm(byte[] salt, byte[] mac) {

    /** Salt length in bytes. */
    public static final int SALT_BYTES = 16;

    /** MAC length in bytes (HMAC-SHA256). */
    public static final int MAC_BYTES = 32;

    public SecretForm {
        if (salt == null || salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("secret form salt must be " + SALT_BYTES + " bytes");
        }
        if (mac == null || mac.length != MAC_BYTES) {
            throw new IllegalArgumentException("secret form MAC must be " + MAC_BYTES + " bytes");
        }
        salt = salt.clone();
        mac = mac.clone();
    }

    /** A copy of the salt. */
    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** A copy of the MAC. */
    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** Text form for storage: base64url(salt) + "." + base64url(mac), without padding. */
    public String encode() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(salt) + "." + encoder.encodeToString(mac);
    }

    /**
     * Reads the text made by {@link #encode()}.
     *
     * @throws IllegalArgumentException if the text is not a valid encoded form
     */
    public static SecretForm decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("encoded secret form must not be null");
        }
        int dot = text.indexOf('.');
        if (dot < 0 || dot != text.lastIndexOf('.')) {
            throw new IllegalArgumentException("encoded secret form must be two base64url parts joined by one '.'");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return new SecretForm(decoder.decode(text.substring(0, dot)), decoder.decode(text.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encoded secret form is not valid: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretForm that && Arrays.equals(salt, that.salt) && Arrays.equals(mac, that.mac);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "SecretForm[salt=" + SALT_BYTES + " bytes, mac=" + MAC_BYTES + " bytes]";
    }
}
