package org.domicile.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @Test
    @DisplayName("Rule 12: ids are 128 random bits, 22 base64url characters, all distinct")
    void idsAreRandomAndUrlSafe() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Ids.newId();
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
            assertTrue(Ids.looksLikeId(id));
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    @DisplayName("Rule 12: session tokens of 32 bytes are 43 base64url characters")
    void randomTokens() {
        String token = Ids.random(32);
        assertEquals(43, token.length());
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "../etc", "../../../../etc/passwd", "a b", "abcdefghij klmnop",
            "abcdefghijklmno", "abcdefghijklmnop/", "abcdefghijklmnop%2e", "abcdefghijklmnop\n",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    @DisplayName("Rule 16: lookups refuse path-like, blank, spaced, too short and 65-character ids")
    void rejectsGarbage(String s) {
        assertFalse(Ids.looksLikeId(s));
    }

    @Test
    @DisplayName("looksLikeId accepts 16 to 64 base64url characters")
    void acceptsBounds() {
        assertTrue(Ids.looksLikeId("a".repeat(16)));
        assertTrue(Ids.looksLikeId("a".repeat(64)));
        assertEquals(65, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".length());
    }
}
