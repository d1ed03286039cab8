package org.domicile.sms.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads JSON objects whose values are all strings, one per outbox line.
 * Hand-written on purpose: Jackson is on the classpath through Twilio, but inside the
 * application server another Jackson version may win, and this format needs so little.
 */
final class FlatJson {

    private FlatJson() {
    }

    static String write(Map<String, String> fields) {
        StringBuilder out = new StringBuilder(64);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, field.getKey());
            out.append(':');
            appendString(out, field.getValue());
        }
        return out.append('}').toString();
    }

    private static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters are illegal raw in JSON; U+2028/2029 break JavaScript readers;
                    // a lone surrogate would be turned into '?' by the UTF-8 encoder, so keep it escaped.
                    boolean loneSurrogate = Character.isSurrogate(c) && !isPairAt(value, i);
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPairAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        // A low surrogate reached here had no high surrogate before it: pairs are consumed whole.
        return false;
    }

    /**
     * Parses one object of string (or null) values.
     *
     * @return the fields, or null if the text is not such an object
     */
    static Map<String, String> parse(String text) {
        try {
            Parser p = new Parser(text);
            Map<String, String> fields = p.object();
            p.skipWhitespace();
            return p.atEnd() ? fields : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    return;
                }
                pos++;
            }
        }

        void expect(char c) {
            skipWhitespace();
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + pos);
            }
            pos++;
        }

        Map<String, String> object() {
            Map<String, String> fields = new LinkedHashMap<>();
            expect('{');
            skipWhitespace();
            if (s.charAt(pos) == '}') {
                pos++;
                return fields;
            }
            while (true) {
                skipWhitespace();
                String key = string();
                expect(':');
                skipWhitespace();
                String value;
                if (s.startsWith("null", pos)) {
                    pos += 4;
                    value = null;
                } else {
                    value = string();
                }
                fields.put(key, value);
                skipWhitespace();
                char c = s.charAt(pos++);
                if (c == '}') {
                    return fields;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (pos - 1));
                }
            }
        }

        String string() {
            if (s.charAt(pos) != '"') {
                throw new IllegalArgumentException("expected a string at " + pos);
            }
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("raw control character at " + (pos - 1));
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int digit = Character.digit(s.charAt(pos++), 16);
                            if (digit < 0) {
                                throw new IllegalArgumentException("bad \\u escape at " + (pos - 1));
                            }
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                    }
                    default -> throw new IllegalArgumentException("bad escape at " + (pos - 1));
                }
            }
        }
    }
}
