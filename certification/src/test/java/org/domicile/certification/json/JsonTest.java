package org.domicile.certification.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The strict JSON reader and the canonical writer shared by the bundle and the API's clients. */
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

    @Test
    @DisplayName("a quoted string reads back as the same string, whatever characters it holds")
    void quoting() {
        String awkward = "quote \" backslash \\ line\nfeed tab\t bell\u0007 é 😀 </script>";
        assertEquals(awkward, Json.parse(Json.quote(awkward)));
        assertEquals("\"a\\u001fb\"", Json.quote("a\u001fb"));
    }

    @Test
    @DisplayName("an array reads as a list; a text of the wrong kind, or none, is refused with a message")
    void kinds() {
        assertEquals(List.of("x", BigDecimal.ONE, Boolean.FALSE, Json.NULL),
                Json.parseArray(" [\"x\", 1, false, null] "));
        assertEquals("JSON text is not an array",
                assertThrows(IllegalArgumentException.class, () -> Json.parseArray("{}")).getMessage());
        assertEquals("JSON text is not an object",
                assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[]")).getMessage());
        assertEquals("no JSON text", assertThrows(IllegalArgumentException.class, () -> Json.parse(null)).getMessage());
    }
}
