package org.domicile.certification.cms.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes and reads the canonical JSON of tokens and evidence.
 *
 * <p>Writing: objects are {@link Map}s with {@link String} keys, emitted with keys sorted by
 * {@link String#compareTo} (UTF-16 code units, as RFC 8785; identical to byte order for ASCII keys);
 * arrays are {@link Collection}s in their order; strings are {@link String}s; numbers are {@link Integer}
 * or {@link Long}. {@code null} is refused: absent values are written as "". Strings escape {@code "},
 * {@code \}, the short forms {@code \b \f \n \r \t} and other control characters as {@code \}{@code u00xx}
 * (lowercase hex); everything else, including non-ASCII, is written as UTF-8.
 *
 * <p>Reading: strict RFC 8259 over strict UTF-8, with duplicate keys, {@code null}, booleans, fractions and
 * exponents refused (none occurs in our formats). Insignificant whitespace is tolerated on input.
 */
public final class CanonicalJson {

    private static final int MAX_DEPTH = JsonParser.MAX_DEPTH;
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern TIME_PATTERN =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code object}. */
    public static byte[] write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder(512);
        writeValue(out, object, 0);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An instant as written in tokens and evidence: ISO-8601 UTC, truncated to milliseconds, always with
     * exactly three fraction digits and 'Z', e.g. "2026-11-21T07:00:00.123Z" and "2026-11-21T07:00:00.000Z".
     * (Plain ISO_INSTANT would drop a zero fraction; the offline verifier expects the three digits.)
     */
    public static String instant(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("instant must not be null");
        }
        return TIME_FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Reads an instant written by {@link #instant}: "yyyy-MM-ddTHH:mm:ss.SSSZ", UTC.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static Instant parseInstant(String text) {
        if (text == null || !TIME_PATTERN.matcher(text).matches()) {
            throw new IllegalArgumentException("time '" + text + "' is not an ISO-8601 UTC time like "
                    + "2026-11-21T07:00:00.123Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + text + "' is not a valid time", e);
        }
    }

    /**
     * Parses a JSON document whose top level is an object. Objects become insertion-ordered maps, arrays
     * lists, strings {@link String}s, integers {@link Long}s.
     *
     * @throws IllegalArgumentException with the position and cause for anything that is not valid JSON in
     *                                  the supported subset
     */
    public static Map<String, Object> parse(byte[] json) {
        if (json == null) {
            throw new IllegalArgumentException("JSON input must not be null");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("JSON is not valid UTF-8", e);
        }
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        if (parser.peek() != '{') {
            throw parser.error("a JSON object was expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) parser.value(0);
        parser.skipWhitespace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected data after the JSON object");
        }
        return object;
    }

    private static void writeValue(StringBuilder out, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH);
        }
        if (value == null) {
            throw new IllegalArgumentException("null is not written; absent values must be \"\"");
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings");
                }
                sorted.put(key, entry.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, entry.getKey());
                out.append(':');
                writeValue(out, entry.getValue(), depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(out, item, depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    /**
     * Appends {@code text} as a JSON string literal in the canonical form: RFC 8259 short escapes, other
     * control characters as six-character escapes with lowercase hex digits, everything else as itself.
     *
     * @throws IllegalArgumentException for an unpaired surrogate, which UTF-8 cannot encode
     */
    public static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("string contains an unpaired surrogate; not encodable as UTF-8");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
