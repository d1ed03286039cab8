package org.domicile.certification.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.domicile.certification.signing.Crypto;

/**
 * Issues and checks session-opening secrets. A code of 6 decimal digits comes from a
 * CSPRNG; only its salted HMAC, bound to the session identifier and to extra data (e.g. a content
 * hash), is handed to the domiciliation server. The HMAC key lives outside the database, so a copy of
 * the database does not allow the 10^6 possible codes to be tried offline.
 *
 * <p>Attempt limiting is the caller's job: 6 digits resist guessing only with few attempts allowed.
 * Thread-safe: a new {@link Mac} is made for each computation.
 */
public final class OneTimeSecrets {

    private static final int DIGITS = 6;
    private static final int CODE_SPACE = 1_000_000; // 10^DIGITS
    private static final int MIN_KEY_BYTES = 32;
    private static final String MAC_ALGORITHM = "HmacSHA256";

    private final SecretKeySpec verifierKey;
    private final SecureRandom random;

    /**
     * @param verifierKey the HMAC key, at least 32 bytes; copied
     * @throws IllegalArgumentException if the key is null or shorter than 32 bytes
     */
    public OneTimeSecrets(byte[] verifierKey) {
        this(verifierKey, Crypto.random());
    }

    // Lets tests fix the code to show that equal codes still give unrelated forms.
    OneTimeSecrets(byte[] verifierKey, SecureRandom random) {
        if (verifierKey == null || verifierKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("verifier key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.verifierKey = new SecretKeySpec(verifierKey.clone(), MAC_ALGORITHM);
        this.random = random;
    }

    /**
     * Issues a new secret bound to {@code sessionId} and {@code boundData}.
     *
     * @param boundData extra data the code is bound to; may be empty, not null
     * @throws IllegalArgumentException if the session id is blank or the bound data null
     */
    public IssuedSecret issue(String sessionId, byte[] boundData) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("session id must not be null or blank");
        }
        if (boundData == null) {
            throw new IllegalArgumentException("bound data must not be null (use an empty array)");
        }
        // Locale.ROOT: some locales format with non-ASCII digits.
        // nextInt(bound) is uniform (rejection sampling), so every code is equally likely.
        String code = String.format(Locale.ROOT, "%0" + DIGITS + "d", random.nextInt(CODE_SPACE));
        byte[] salt = new byte[SecretForm.SALT_BYTES];
        random.nextBytes(salt);
        return new IssuedSecret(code, new SecretForm(salt, mac(salt, sessionId, boundData, code)));
    }

    /**
     * Whether {@code typedCode} is the code of {@code form} for this session and bound data. Spaces in and
     * around the typed code are ignored; anything else than exactly 6 ASCII digits, and any
     * null argument, gives false. Never throws.
     */
    public boolean matches(SecretForm form, String sessionId, byte[] boundData, String typedCode) {
        if (form == null || sessionId == null || boundData == null) {
            return false;
        }
        String code = normalise(typedCode);
        if (code == null) {
            return false;
        }
        byte[] expected = mac(form.salt(), sessionId, boundData, code);
        return MessageDigest.isEqual(expected, form.mac()); // constant time
    }

    /** Number of decimal digits of a code: 6. */
    public int digits() {
        return DIGITS;
    }

    @Override
    public String toString() {
        return "OneTimeSecrets[digits=" + DIGITS + "]";
    }

    /** The typed code without spaces if it is exactly DIGITS ASCII digits, otherwise null. */
    private static String normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue; // includes no-break spaces, as in a pasted "123 456"
            }
            if (c < '0' || c > '9') {
                return null; // only ASCII digits: other scripts' digits are not codes we sent
            }
            digits.append(c);
        }
        return digits.length() == DIGITS ? digits.toString() : null;
    }

    private byte[] mac(byte[] salt, String sessionId, byte[] boundData, String code) {
        byte[] session = sessionId.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(verifierKey);
            mac.update(salt);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(session.length).array());
            mac.update(session);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(boundData.length).array());
            mac.update(boundData);
            mac.update(code.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is unavailable", e);
        }
    }
}
