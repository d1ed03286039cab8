package org.domicile.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

    @Test
    @org.junit.jupiter.api.DisplayName("Accepts 1 and 128 characters, accents included; collapses runs of spaces")
    void accepts() {
        assertEquals("Élise Müller-Dupont", DisplayName.parse("  Élise   Müller-Dupont ").orElseThrow().value());
        assertTrue(DisplayName.parse("x").isPresent());
        assertTrue(DisplayName.parse("n".repeat(128)).isPresent());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "Bob\u0000", "Bob\u0007Smith", "Bob\u001b[31m", "Bob\u0085", "<b>",
            "Bob <script>alert(1)</script>", "a > b"})
    @org.junit.jupiter.api.DisplayName("Rule 29: rejects empty, control characters and markup")
    void rejects(String raw) {
        assertEquals(Optional.empty(), DisplayName.parse(raw));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Rule 29: rejects 129 characters")
    void rejectsTooLong() {
        assertEquals(Optional.empty(), DisplayName.parse("n".repeat(129)));
    }
}
