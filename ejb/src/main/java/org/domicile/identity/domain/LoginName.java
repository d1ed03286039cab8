package org.domicile.identity.domain;

import java.util.Locale;
import java.util.Optional;

/** The name a user logs in with: 3 to 64 of a-z, 0-9, dot, dash, underscore; compared in lower case. */
public record LoginName(String value) {
    public static final String RULE = "Login name: 3 to 64 characters, letters, digits, dot, dash or underscore.";

    public LoginName {
        if (!valid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static Optional<LoginName> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.trim().toLowerCase(Locale.ROOT);
        return valid(v) ? Optional.of(new LoginName(v)) : Optional.empty();
    }

    private static boolean valid(String v) {
        return v != null && v.matches("[a-z0-9._-]{3,64}");
    }
}
