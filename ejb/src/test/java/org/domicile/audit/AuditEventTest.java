package org.domicile.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    @Test
    @DisplayName("Rule 23: a detail with a new line cannot forge a second entry: it stays one line")
    void newLineEncoded() {
        String cleaned = AuditEvent.clean("wrong password\nFAKE ENTRY operator login OK", 1000);
        assertEquals("wrong password\\u000aFAKE ENTRY operator login OK", cleaned);
        assertEquals(1, cleaned.lines().count());
        assertEquals(1, AuditEvent.clean("a\r\nb\rc", 100).lines().count());
        assertEquals("a\\u000d\\u000ab\\u000dc", AuditEvent.clean("a\r\nb\rc", 100));
    }

    @Test
    @DisplayName("Rule 23: every control character is encoded (NUL, ESC, TAB, DEL, C1 controls)")
    void otherControlsEncoded() {
        String raw = "x\u0000\u001b[31m\t\u007f\u0085\u009by";
        String cleaned = AuditEvent.clean(raw, 1000);
        assertFalse(hasControlCharacter(cleaned), cleaned);
        assertEquals("x\\u0000\\u001b[31m\\u0009\\u007f\\u0085\\u009by", cleaned);
    }

    @Test
    @DisplayName("Rule 23: printable text, accents included, is kept as it is")
    void printableKept() {
        assertEquals("Élise <élise@example.org> from 203.0.113.7",
                AuditEvent.clean("Élise <élise@example.org> from 203.0.113.7", 1000));
    }

    @Test
    @DisplayName("A missing value is written as '-'")
    void nullIsDash() {
        assertEquals("-", AuditEvent.clean(null, 10));
    }

    @Test
    @DisplayName("Values are cut to the column size, even when encoding makes them longer")
    void truncated() {
        assertEquals("x".repeat(1000), AuditEvent.clean("x".repeat(5000), 1000));
        String manyNewLines = AuditEvent.clean("\n".repeat(500), 64);
        assertTrue(manyNewLines.length() <= 64, "length " + manyNewLines.length());
        assertFalse(hasControlCharacter(manyNewLines));
        String cutInsideEscape = AuditEvent.clean("abc\n", 5);
        assertEquals(5, cutInsideEscape.length());
        assertFalse(hasControlCharacter(cutInsideEscape));
    }

    @Test
    @DisplayName("Rule 23: an event records when (UTC instant) and cleans every field it is given")
    void eventCleansAllFields() {
        Instant at = Instant.parse("2025-03-01T09:00:00Z");
        AuditEvent e = new AuditEvent(at, "eve\nFAKE", "login\r.password", null, "OK\n", "10.0.0.1\u0000",
                "detail\nFAKE ENTRY");
        assertEquals(at, e.at());
        for (String field : new String[] {e.actor(), e.action(), e.target(), e.outcome(), e.source(), e.detail()}) {
            assertFalse(hasControlCharacter(field), field);
        }
        assertEquals("-", e.target());
        assertEquals("detail\\u000aFAKE ENTRY", e.detail());
        assertTrue(e.outcome().length() <= 16);
    }

    @Test
    @DisplayName("Each column keeps its size limit")
    void columnLimits() {
        String longText = "y".repeat(2000);
        AuditEvent e = new AuditEvent(Instant.EPOCH, longText, longText, longText, longText, longText, longText);
        assertEquals(80, e.actor().length());
        assertEquals(64, e.action().length());
        assertEquals(120, e.target().length());
        assertEquals(16, e.outcome().length());
        assertEquals(64, e.source().length());
        assertEquals(1000, e.detail().length());
    }
}
