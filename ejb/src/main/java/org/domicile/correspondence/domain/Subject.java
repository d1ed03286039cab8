package org.domicile.correspondence.domain;

import java.util.Optional;

/** The subject of a correspondence: 1 to 200 characters on one line, no control characters. */
public record Subject(String value) {
    public static final int MAX = 200;
    public static final String RULE = "Subject: 1 to " + MAX + " characters on one line, without control characters.";

    public Subject {
        if (!valid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static Optional<Subject> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip();
        return valid(v) ? Optional.of(new Subject(v)) : Optional.empty();
    }

    private static boolean valid(String v) {
        if (v == null || v.length() > 2 * MAX || !v.equals(v.strip())) {
            return false;
        }
        int characters = TextRules.shownLength(v);
        return characters >= 1 && characters <= MAX;
    }

    /** At most {@code max} characters, with an ellipsis when cut (for the confirmation SMS). */
    public String cut(int max) {
        return TextRules.cut(value, max);
    }
}
