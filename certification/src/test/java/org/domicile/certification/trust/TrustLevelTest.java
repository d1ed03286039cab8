package org.domicile.certification.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrustLevelTest {

    @Test
    @DisplayName("levels are ordered NONE < LOW < SUBSTANTIAL < HIGH")
    void ordering() {
        assertEquals(List.of(TrustLevel.NONE, TrustLevel.LOW, TrustLevel.SUBSTANTIAL, TrustLevel.HIGH),
                List.of(TrustLevel.values()));
    }

    @Test
    @DisplayName("a level reaches itself and every lower level, never a higher one")
    void reaches() {
        for (TrustLevel actual : TrustLevel.values()) {
            for (TrustLevel required : TrustLevel.values()) {
                assertEquals(actual.compareTo(required) >= 0, actual.reaches(required), actual + " vs " + required);
            }
        }
        assertTrue(TrustLevel.HIGH.reaches(TrustLevel.SUBSTANTIAL));
        assertFalse(TrustLevel.LOW.reaches(TrustLevel.SUBSTANTIAL));
        assertFalse(TrustLevel.NONE.reaches(TrustLevel.LOW));
        assertThrows(IllegalArgumentException.class, () -> TrustLevel.HIGH.reaches(null));
    }

    @Test
    void parseAcceptsNamesCaseInsensitively() {
        assertEquals(TrustLevel.SUBSTANTIAL, TrustLevel.parse("substantial"));
        assertEquals(TrustLevel.HIGH, TrustLevel.parse(" HIGH "));
        assertEquals(TrustLevel.NONE, TrustLevel.parse("None"));
    }

    @Test
    @DisplayName("parse rejects unknown, blank and null text with a clear message")
    void parseRejectsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustLevel.parse("medium"));
        assertTrue(e.getMessage().contains("medium") && e.getMessage().contains("SUBSTANTIAL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustLevel.parse(""));
        assertThrows(IllegalArgumentException.class, () -> TrustLevel.parse(null));
    }
}
