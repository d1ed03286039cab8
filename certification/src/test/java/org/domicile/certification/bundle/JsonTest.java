package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The strict JSON parser and the canonical writer of the bundle formats. */
class JsonTest {

    @Test
    @DisplayName("the writer sorts keys, leaves no whitespace and escapes what JSON requires")
    void canonicalWriting() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", 1);
        map.put("b", List.of("x", "y\"\\\n\u0001é"));
        map.put("a", "");
        assertEquals("{\"a\":\"\",\"b\":[\"x\",\"y\\\"\\\\\\n\\u0001é\"],\"version\":1}", Json.write(map));
    }

    @Test
    @DisplayName("parse and write round-trip")
    void roundTrip() {
        String text = "{\"a\":[1,true,null,{\"b\":\"\\u00e9\\/\"}],\"c\":-2}";
        Map<String, Object> parsed = Json.parseObject(text);
        assertEquals(new BigDecimal("-2"), parsed.get("c"));
        assertEquals("{\"a\":[1,true,null,{\"b\":\"é/\"}],\"c\":-2}", Json.write(parsed));
    }

    @Test
    @DisplayName("duplicate keys, trailing data, bad literals and deep nesting are refused")
    void strictness() {
        for (String bad : List.of("{\"a\":1,\"a\":2}", "{} x", "{\"a\":tru}", "{\"a\":01}", "{\"a\":\"\u0001\"}",
                "[".repeat(100) + "]".repeat(100), "{\"a\":\"\\x\"}", "", "{\"a\" 1}", "[1,]")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }
}
