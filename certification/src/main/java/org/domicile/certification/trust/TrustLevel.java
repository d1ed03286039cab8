package org.domicile.certification.trust;

import java.util.Arrays;
import java.util.Locale;

/**
 * Assurance level of a party's identity, after eIDAS (low, substantial, high). {@link #NONE} means not
 * assured or revoked. Levels are ordered: a higher level satisfies every lower requirement.
 */
public enum TrustLevel {
    NONE, LOW, SUBSTANTIAL, HIGH;

    /** Whether this level satisfies a requirement of {@code required}. */
    public boolean reaches(TrustLevel required) {
        if (required == null) {
            throw new IllegalArgumentException("required trust level must not be null");
        }
        return ordinal() >= required.ordinal();
    }

    /**
     * The level named by {@code text}, case-insensitive, surrounding spaces ignored.
     *
     * @throws IllegalArgumentException if the text names no level
     */
    public static TrustLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("trust level is missing; expected one of " + Arrays.toString(values()));
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (TrustLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "unknown trust level '" + text.strip() + "'; expected one of " + Arrays.toString(values()));
    }
}
