package org.domicile.identity.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    private final CommonPasswords common = new CommonPasswords();

    @Test
    @DisplayName("Rule 10: the shipped list of common passwords has more than 1000 entries")
    void listIsLarge() {
        assertTrue(common.size() > 1000, "only " + common.size() + " entries");
    }

    @Test
    @DisplayName("Rule 10: the comparison ignores case")
    void caseInsensitive() {
        assertTrue(common.contains("password123"));
        assertTrue(common.contains("PASSWORD123"));
        assertTrue(common.contains("PaSsWoRd123"));
        assertTrue(common.contains("AZERTY2024"));
    }

    @Test
    @DisplayName("Uncommon passwords, null and comment lines of the file are not in the list")
    void notContained() {
        assertFalse(common.contains("correct horse battery staple"));
        assertFalse(common.contains(null));
        assertFalse(common.contains(""));
        assertFalse(common.contains("# Passwords refused at registration (SECURITY-BASELINE 10): frequent words, keyboard walks,"));
    }
}
