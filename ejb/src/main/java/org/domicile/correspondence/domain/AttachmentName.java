package org.domicile.correspondence.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The file name of an attachment as the recipients will see it: 1 to 200 characters, no path
 * separators, no control or bidirectional characters, not "." or "..". Its extension must agree
 * with the type found in the content ({@link ContentInspector}).
 */
public record AttachmentName(String value) {
    public static final int MAX = 200;
    public static final String RULE = "File name: 1 to " + MAX
            + " characters, without / or \\ and without control characters.";

    public AttachmentName {
        if (!valid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static Optional<AttachmentName> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip();
        return valid(v) ? Optional.of(new AttachmentName(v)) : Optional.empty();
    }

    private static boolean valid(String v) {
        if (v == null || v.length() > 2 * MAX || !v.equals(v.strip()) || v.indexOf('/') >= 0
                || v.indexOf('\\') >= 0 || v.equals(".") || v.equals("..")) {
            return false;
        }
        int characters = TextRules.shownLength(v);
        return characters >= 1 && characters <= MAX;
    }

    /** The extension in lower case, without the dot; empty when the name has none. */
    public String extension() {
        int dot = value.lastIndexOf('.');
        return dot <= 0 || dot == value.length() - 1 ? "" : value.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Names are compared without regard to case: two parts must not look alike to the recipient. */
    public boolean sameAs(String other) {
        return value.equalsIgnoreCase(other);
    }
}
