package org.domicile.benchmark;

import java.nio.charset.StandardCharsets;

/** The text of a benchmark correspondence: plain ASCII lines, exactly the number of bytes asked for. */
final class LetterText {

    private static final String LINES = """
            Dear Madam, dear Sir,
            with this registered letter we confirm the terms agreed at our meeting and ask you to sign
            the enclosed acknowledgement within fifteen days of its handover. The amounts, dates and
            conditions below are those of the contract; any change needs the written consent of both parties.
            """;

    private LetterText() {
    }

    /** {@code bytes} bytes of text (UTF-8, ASCII only), ending with a line break when there is room. */
    static String of(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the text needs at least one byte");
        }
        var out = new StringBuilder(bytes);
        int line = 1;
        while (out.length() < bytes) {
            out.append("Clause ").append(line++).append(". ").append(LINES);
        }
        out.setLength(bytes);
        if (bytes > 1) {
            out.setCharAt(bytes - 1, '\n');
        }
        return out.toString();
    }

    static byte[] utf8(int bytes) {
        return of(bytes).getBytes(StandardCharsets.UTF_8);
    }
}
