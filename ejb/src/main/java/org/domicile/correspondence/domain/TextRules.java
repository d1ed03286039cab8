package org.domicile.correspondence.domain;

import java.util.function.IntPredicate;

/**
 * Character rules shared by the fields of a correspondence. Bidirectional controls are refused
 * wherever a name or a subject is shown, because they can make "invoice‮fdp.exe" read as
 * "invoice.pdf" or reorder a subject quoted in the confirmation SMS.
 */
final class TextRules {
    private TextRules() {
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * In one pass, the length in characters of a text shown to people (a subject, a file name): -1
     * if it is malformed or holds a control character or an invisible bidirectional control.
     */
    static int shownLength(String s) {
        return checkedLength(s, cp -> Character.isISOControl(cp) || isBidiControl(cp));
    }

    /**
     * In one pass: the length in characters (code points) of a well-formed text none of whose
     * characters is {@code refused}; -1 for any other text. Unpaired surrogates make a text
     * malformed: they cannot be stored as UTF-8 (PostgreSQL refuses them).
     */
    static int checkedLength(String s, IntPredicate refused) {
        int characters = 0;
        for (int i = 0; i < s.length(); i++, characters++) {
            char c = s.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            }
            if (refused.test(cp)) {
                return -1;
            }
        }
        return characters;
    }

    /** The invisible bidirectional controls (marks, embeddings, overrides, isolates). */
    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** The first {@code max} characters, with an ellipsis when something was cut. */
    static String cut(String s, int max) {
        if (length(s) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }
}
