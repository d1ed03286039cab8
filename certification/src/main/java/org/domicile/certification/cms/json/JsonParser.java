package org.domicile.certification.cms.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for the JSON subset of {@link CanonicalJson}, over already decoded text.
 * Not thread-safe; one per document.
 */
final class JsonParser {

    static final int MAX_DEPTH = 16;

    private final String text;
    private int pos;

    JsonParser(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException("invalid JSON at character " + pos + ": " + message);
    }

    void skipWhitespace() {
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    void expect(char c) {
        if (peek() != c || atEnd()) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (atEnd()) {
            throw error("unexpected end of input");
        }
        char c = peek();
        if (c == '{') {
            return object(depth);
        } else if (c == '[') {
            return array(depth);
        } else if (c == '"') {
            return string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return integer();
        } else if (text.startsWith("null", pos)) {
            throw error("null is not allowed (absent values are \"\")");
        } else if (text.startsWith("true", pos) || text.startsWith("false", pos)) {
            throw error("booleans are not used in this format");
        }
        throw error("unexpected character '" + c + "'");
    }

    Map<String, Object> object(int depth) {
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("an object key (string) was expected");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            Object value = value(depth + 1);
            if (object.put(key, value) != null) {
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return object;
            } else {
                throw error("',' or '}' expected");
            }
        }
    }

    List<Object> array(int depth) {
        expect('[');
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return array;
        }
        while (true) {
            array.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return array;
            } else {
                throw error("',' or ']' expected");
            }
        }
    }

    String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("unescaped control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (atEnd()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw error("invalid escape '\\" + e + "'");
            }
        }
        String result = out.toString();
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < result.length()
                    && Character.isLowSurrogate(result.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("string contains an unpaired surrogate escape");
            }
        }
        return result;
    }

    char hex4() {
        if (pos + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw error("invalid hex digit in \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    Long integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (!(peek() >= '0' && peek() <= '9') || atEnd()) {
            throw error("digit expected");
        }
        if (peek() == '0' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            throw error("leading zeros are not allowed");
        }
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            pos++;
        }
        if (peek() == '.' || peek() == 'e' || peek() == 'E') {
            throw error("only integers are used in this format");
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("integer out of range");
        }
    }
}
