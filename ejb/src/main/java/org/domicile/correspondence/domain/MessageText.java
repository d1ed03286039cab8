package org.domicile.correspondence.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a correspondence, sealed as the part "message.txt" (UTF-8, exactly as typed):
 * 0 to 100 000 characters, line breaks and tabs allowed, no other control characters.
 * Bidirectional marks are allowed here, unlike in subjects and file names: texts mixing
 * right-to-left and left-to-right scripts need them, and the text is never shown in a list or an SMS.
 */
public record MessageText(String value) {
    public static final int MAX = 100_000;
    public static final String RULE = "Text: at most 100 000 characters, without control characters other than"
            + " line breaks and tabs.";
    public static final MessageText EMPTY = new MessageText("");

    public MessageText {
        if (!valid(value)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** A missing text is an empty one. */
    public static Optional<MessageText> parse(String raw) {
        String v = raw == null ? "" : raw;
        return valid(v) ? Optional.of(new MessageText(v)) : Optional.empty();
    }

    /** In one pass: a text is checked each time it is read from its correspondence, and texts are long. */
    private static boolean valid(String v) {
        if (v == null || v.length() > 2 * MAX) {
            return false;
        }
        int characters = TextRules.checkedLength(v,
                cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t');
        return characters >= 0 && characters <= MAX;
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MessageText[" + value.length() + " chars]";
    }
}
