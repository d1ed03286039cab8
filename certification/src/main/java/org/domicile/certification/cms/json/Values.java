package org.domicile.certification.cms.json;

import org.domicile.certification.cms.Sha256;

/** Validation of the field values shared by tokens and evidence, with messages that name the field. */
public final class Values {

    /** Longest identifier accepted (ids, step names, party ids, algorithm names). */
    public static final int MAX_IDENTIFIER = 256;

    private Values() {
    }

    /**
     * An identifier: not blank, at most {@value #MAX_IDENTIFIER} characters, no control characters.
     *
     * @return the value
     * @throws IllegalArgumentException otherwise, naming the field
     */
    public static String identifier(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be missing or blank");
        }
        if (value.length() > MAX_IDENTIFIER) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_IDENTIFIER + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return value;
    }

    /** A SHA-256 digest in lowercase hex (64 characters). */
    public static String digest(String value, String field) {
        if (!Sha256.isHexDigest(value)) {
            throw new IllegalArgumentException(field + " must be a SHA-256 digest in lowercase hex (64 characters), was '"
                    + shorten(value) + "'");
        }
        return value;
    }

    /** A digest, or "" when absent; null is read as "". */
    public static String digestOrEmpty(String value, String field) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return digest(value, field);
    }

    private static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
