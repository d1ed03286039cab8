package org.domicile.identity.domain;

import java.util.Optional;

/** The name others see in the directory: 1 to 128 printable characters. */
public record DisplayName(String value) {
    public static final String RULE = "Name: 1 to 128 characters, no control characters.";

    public static Optional<DisplayName> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip().replaceAll("\\s+", " ");
        if (v.isEmpty() || v.length() > 128 || v.chars().anyMatch(Character::isISOControl)
                || v.matches(".*[<>].*")) {
            return Optional.empty();
        }
        return Optional.of(new DisplayName(v));
    }
}
