package org.domicile.browser;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A person who registers in a test: unique login name and display name, a mobile number of
 * their own (+3361 and 7 random digits), a password that is not on any common list.
 */
public record User(String loginName, String displayName, String email, String mobile, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new person; {@code first} starts the login and display names ("alice" → "alice-3f9a1c", "Alice 3f9a1c"). */
    public static User fresh(String first) {
        String suffix = HexFormat.of().formatHex(randomBytes(4));
        String login = first.toLowerCase() + "-" + suffix;
        String display = Character.toUpperCase(first.charAt(0)) + first.substring(1) + " Tester " + suffix;
        String mobile = "+3361" + String.format("%07d", RANDOM.nextInt(10_000_000));
        return new User(login, display, login + "@example.org", mobile,
                "Quiet-harbour-" + HexFormat.of().formatHex(randomBytes(3)));
    }

    /** The same person with another login name (for form tests). */
    public User withLogin(String other) {
        return new User(other, displayName, email, mobile, password);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return loginName;
    }
}
