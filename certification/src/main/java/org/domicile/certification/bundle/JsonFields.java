package org.domicile.certification.bundle;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.domicile.certification.json.Json;

/**
 * Reads the fields of a signed JSON document (token, evidence record, manifest) and notes every deviation from
 * the byte format: a missing or unexpected key, a wrong type, a malformed value. Never throws on bad values.
 */
final class JsonFields {

    private static final Pattern TIME =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");
    private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})+");

    private final Map<String, Object> json;
    private final List<String> problems = new ArrayList<>();

    JsonFields(Map<String, Object> json, Set<String> keys) {
        this.json = json;
        for (String key : new TreeSet<>(keys)) {
            if (!json.containsKey(key)) {
                problems.add("field \"" + key + "\" is missing");
            }
        }
        for (String key : new TreeSet<>(json.keySet())) {
            if (!keys.contains(key)) {
                problems.add("unexpected field \"" + shorten(key) + "\"");
            }
        }
    }

    /** Decodes strict UTF-8 and parses a JSON object. */
    static Map<String, Object> parse(byte[] bytes) throws VerificationProblem {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new VerificationProblem("content is not UTF-8 text");
        }
        try {
            return Json.parseObject(text);
        } catch (IllegalArgumentException e) {
            throw new VerificationProblem("content is not a JSON object: " + e.getMessage());
        }
    }

    List<String> problems() {
        return problems;
    }

    /** A string field ("" when missing or of another type, which is noted). */
    String text(String key) {
        Object value = json.get(key);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String s)) {
            problems.add("field \"" + key + "\" is not a string");
            return "";
        }
        return s;
    }

    String nonEmpty(String key) {
        String value = text(key);
        if (json.get(key) instanceof String && value.isEmpty()) {
            problems.add("field \"" + key + "\" is empty");
        }
        return value;
    }

    /** A lowercase hex SHA-256, or "" when {@code allowEmpty}. */
    String sha256(String key, boolean allowEmpty) {
        String value = text(key);
        if (!(allowEmpty && value.isEmpty()) && json.get(key) instanceof String && !Digests.isSha256Hex(value)) {
            problems.add("field \"" + key + "\" is not 64 lowercase hex characters" + (allowEmpty ? " or \"\"" : "")
                    + ": \"" + shorten(value) + "\"");
        }
        return value;
    }

    /** Hex of any even length, or "". */
    String hex(String key) {
        String value = text(key);
        if (!value.isEmpty() && !HEX.matcher(value).matches()) {
            problems.add("field \"" + key + "\" is not hex: \"" + shorten(value) + "\"");
        }
        return value;
    }

    /** An ISO-8601 UTC time with milliseconds and Z; null when empty (and allowed) or malformed. */
    Instant time(String key, boolean allowEmpty) {
        String value = text(key);
        if (value.isEmpty()) {
            if (!allowEmpty && json.get(key) instanceof String) {
                problems.add("field \"" + key + "\" is empty");
            }
            return null;
        }
        try {
            if (!TIME.matcher(value).matches()) {
                throw new DateTimeParseException("format", value, 0);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add("field \"" + key + "\" is not a UTC time like 2026-01-31T09:30:00.000Z: \""
                    + shorten(value) + "\"");
            return null;
        }
    }

    /** A string that must be one of {@code allowed}. */
    String oneOf(String key, List<String> allowed) {
        String value = text(key);
        if (json.get(key) instanceof String && !allowed.contains(value)) {
            problems.add("field \"" + key + "\" is \"" + shorten(value) + "\", expected one of " + allowed);
        }
        return value;
    }

    void version() {
        Object value = json.get("version");
        if (value != null && !(value instanceof BigDecimal d && d.compareTo(BigDecimal.ONE) == 0)) {
            problems.add("field \"version\" is " + value + ", expected 1");
        }
    }

    /** An array (empty when missing or not an array, which is noted). */
    List<Object> array(String key) {
        Object value = json.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add("field \"" + key + "\" is not an array");
            return List.of();
        }
        return List.copyOf(list);
    }

    /** An array of strings. */
    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (Object item : array(key)) {
            if (item instanceof String s) {
                out.add(s);
            } else {
                problems.add("field \"" + key + "\" holds a value that is not a string");
            }
        }
        return out;
    }

    /** A nested object (empty when missing or not an object, which is noted). */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object value = json.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            problems.add("field \"" + key + "\" is not an object");
            return Map.of();
        }
        return (Map<String, Object>) value;
    }

    void problem(String message) {
        problems.add(message);
    }

    static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
