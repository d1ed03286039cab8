package org.domicile.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginNameTest {

    @Test
    @DisplayName("Normalises surrounding space and case, so 'Alice' and 'alice' are one login")
    void normalises() {
        assertEquals(Optional.of(new LoginName("alice.smith")), LoginName.parse("  Alice.Smith \t"));
        assertEquals(LoginName.parse("ALICE"), LoginName.parse("alice"));
    }

    @Test
    @DisplayName("Accepts 3 and 64 characters of letters, digits, dot, dash, underscore")
    void acceptsBounds() {
        assertTrue(LoginName.parse("abc").isPresent());
        assertTrue(LoginName.parse("a".repeat(64)).isPresent());
        assertTrue(LoginName.parse("j.doe-2_x").isPresent());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ab", "   ab   ", "alice smith", "<script>", "alice;drop", "ali/ce", "élise",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    @DisplayName("Rule 29: rejects too short, 65 characters, spaces, markup and other characters")
    void rejects(String raw) {
        assertEquals(Optional.empty(), LoginName.parse(raw));
    }

    @Test
    @DisplayName("The constructor guards the invariant too: an unnormalised name cannot be built")
    void constructorGuards() {
        assertEquals(65, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".length());
        assertThrows(IllegalArgumentException.class, () -> new LoginName("Alice"));
        assertThrows(IllegalArgumentException.class, () -> new LoginName(null));
    }
}
