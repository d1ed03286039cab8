package org.domicile.identity.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.domicile.identity.infrastructure.CommonPasswords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private PasswordPolicy policy;

    @BeforeEach
    void setUp() {
        policy = new PasswordPolicy();
        policy.common = new CommonPasswords();
    }

    @Test
    @DisplayName("Rule 10: 7 characters refused, 8 accepted")
    void minimumLength() {
        assertTrue(policy.problem("Qx7#vLp", "jdupont").orElseThrow().contains("at least 8"));
        assertEquals(Optional.empty(), policy.problem("Qx7#vLp2", "jdupont"));
        assertTrue(policy.problem(null, "jdupont").isPresent());
        assertTrue(policy.problem("", "jdupont").isPresent());
    }

    @Test
    @DisplayName("Rule 10: 128 characters accepted, 129 refused")
    void maximumLength() {
        String base = "Tq9!".repeat(32);
        assertEquals(128, base.length());
        assertEquals(Optional.empty(), policy.problem(base, "jdupont"));
        assertTrue(policy.problem(base + "x", "jdupont").orElseThrow().contains("at most 128"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "Azerty2024", "12345678", "PASSWORD123"})
    @DisplayName("Rule 10: passwords from the common list are refused, whatever their case")
    void commonRefused(String password) {
        String problem = policy.problem(password, "jdupont").orElseThrow();
        assertTrue(problem.contains("too common"), problem);
        assertFalse(problem.toLowerCase().contains(password.toLowerCase()),
                "Rule 11: the refusal does not repeat the password");
    }

    @Test
    @DisplayName("Rule 10: the login name is refused as password, whatever its case")
    void loginNameRefused() {
        assertTrue(policy.problem("jean.dupont", "jean.dupont").orElseThrow().contains("login name"));
        assertTrue(policy.problem("Jean.Dupont", " jean.dupont ").orElseThrow().contains("login name"));
        assertEquals(Optional.empty(), policy.problem("jean.dupont.2025!x", "jean.dupont"));
    }

    @Test
    @DisplayName("Rule 10: no composition rules: passphrases and single-class passwords are accepted")
    void noCompositionRules() {
        assertEquals(Optional.empty(), policy.problem("correct horse battery staple", "jdupont"));
        assertEquals(Optional.empty(), policy.problem("lowercaseonlyletters", "jdupont"));
        assertEquals(Optional.empty(), policy.problem("84729163057", "jdupont"));
        String repeated = "aaaaaaaaaaaa";
        assertEquals(policy.common.contains(repeated), policy.problem(repeated, "jdupont").isPresent(),
                "refused only if it is in the common list, never for its composition");
    }
}
