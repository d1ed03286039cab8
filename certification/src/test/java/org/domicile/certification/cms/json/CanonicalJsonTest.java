package org.domicile.certification.cms.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String write(Map<String, ?> object) {
        return new String(CanonicalJson.write(object), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> parse(String json) {
        return CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("keys sorted at every level, no whitespace, arrays in order (golden)")
    void sortedCompact() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", "1");
        inner.put("a", "2");
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("version", 1);
        outer.put("list", List.of("b", "a", inner));
        outer.put("empty", "");
        outer.put("Upper", List.of());
        assertEquals("{\"Upper\":[],\"empty\":\"\",\"list\":[\"b\",\"a\",{\"a\":\"2\",\"z\":\"1\"}],\"version\":1}",
                write(outer));
    }

    @Test
    @DisplayName("equal content gives identical bytes whatever the map's order")
    void orderIndependent() {
        Map<String, Object> one = new LinkedHashMap<>();
        Map<String, Object> two = new HashMap<>();
        for (String key : List.of("k3", "k1", "k2", "a", "b")) {
            one.put(key, key.toUpperCase());
        }
        for (String key : List.of("b", "k2", "a", "k1", "k3")) {
            two.put(key, key.toUpperCase());
        }
        assertArrayEquals(CanonicalJson.write(one), CanonicalJson.write(two));
    }

    @Test
    @DisplayName("RFC 8259 escapes: quote, backslash, short forms, other controls as lowercase \\u00xx; UTF-8 otherwise")
    void escapes() {
        String text = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007fé€😀";
        assertEquals("{\"s\":\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007fé€😀\"}", write(Map.of("s", text)));
        assertEquals(text, parse(write(Map.of("s", text))).get("s"));
        assertArrayEquals("{\"s\":\"é\"}".getBytes(StandardCharsets.UTF_8), CanonicalJson.write(Map.of("s", "é")));
    }

    @Test
    @DisplayName("null, unpaired surrogates and unsupported types cannot be written")
    void unwritable() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(withNull));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("a", "x\ud800y")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("a", 1.5)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("a", true)));
    }

    @Test
    @DisplayName("times: UTC, milliseconds, always three fraction digits and Z")
    void times() {
        assertEquals("2026-11-21T07:00:00.123Z", CanonicalJson.instant(Instant.parse("2026-11-21T07:00:00.123456789Z")));
        assertEquals("2026-11-21T07:00:00.000Z", CanonicalJson.instant(Instant.parse("2026-11-21T07:00:00Z")));
        assertEquals("2026-11-21T07:00:00.100Z", CanonicalJson.instant(Instant.parse("2026-11-21T07:00:00.1Z")));
        assertEquals(Instant.parse("2026-11-21T07:00:00.123Z"), CanonicalJson.parseInstant("2026-11-21T07:00:00.123Z"));
        for (String bad : List.of("2026-11-21T07:00:00Z", "2026-11-21T07:00:00.1234Z", "2026-11-21T07:00:00.123+01:00",
                "2026-11-21 07:00:00.123Z", "2026-13-21T07:00:00.123Z", "")) {
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.parseInstant(bad), bad);
        }
    }

    @Test
    @DisplayName("parse: objects, arrays, strings, integers, \\u escapes and surrounding whitespace")
    void parses() {
        Map<String, Object> parsed = parse(" {\"a\" : [\"x\", {\"b\":\"\\u00e9\\ud83d\\ude00\"}], \"n\": -12 }\n");
        assertEquals(List.of("x", Map.of("b", "é😀")), parsed.get("a"));
        assertEquals(-12L, parsed.get("n"));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("list", List.of("1", Map.of("k", "v")));
        object.put("version", 1L);
        assertEquals(object, parse(write(object)));
    }

    @Test
    @DisplayName("parse is strict: duplicates, trailing data, null, booleans, fractions, bad escapes, invalid UTF-8")
    void strictParse() {
        for (String bad : List.of("{\"a\":\"1\",\"a\":\"2\"}", "{\"a\":\"1\"} x", "{\"a\":null}", "{\"a\":true}",
                "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"1\",}",
                "[\"a\"]", "{\"a\":\"line\nbreak\"}", "{\"a\":\"unterminated}", "", "{\"a\":99999999999999999999}")) {
            assertThrows(IllegalArgumentException.class, () -> parse(bad), bad);
        }
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'};
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.parse(invalidUtf8));
        String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThrows(IllegalArgumentException.class, () -> parse(deep));
    }

    @Test
    @DisplayName("JsonFields: missing, unknown and wrongly typed fields are named in the error")
    void strictFields() {
        JsonFields fields = JsonFields.parse("{\"a\":\"1\",\"n\":2,\"extra\":\"x\"}".getBytes(StandardCharsets.UTF_8), "doc");
        assertEquals("1", fields.string("a"));
        assertEquals(2L, fields.integer("n"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> fields.string("b"));
        assertTrue(missing.getMessage().contains("missing field \"b\""), missing.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> fields.strings("a"));
        assertTrue(type.getMessage().contains("\"a\" must be an array"), type.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, fields::end);
        assertTrue(unknown.getMessage().contains("[extra]"), unknown.getMessage());
        assertEquals(Arrays.asList("x", "y"), JsonFields.parse("{\"l\":[\"x\",\"y\"]}".getBytes(StandardCharsets.UTF_8), "d")
                .strings("l"));
    }
}
