package org.domicile.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    @DisplayName("Accepts name@example.org as typed")
    void accepts() {
        assertEquals("name@example.org", EmailAddress.parse("name@example.org").orElseThrow().value());
        assertEquals("name@example.org", EmailAddress.parse("  name@example.org ").orElseThrow().value());
    }

    @Test
    @DisplayName("Lower-cases the domain only: the local part may be case-sensitive")
    void lowerCasesDomainOnly() {
        assertEquals("Jean.Dupont@example.org", EmailAddress.parse("Jean.Dupont@Example.ORG").orElseThrow().value());
    }

    @Test
    @DisplayName("254 characters accepted, 255 refused")
    void lengthLimit() {
        String local = "a".repeat(64);
        String at254 = local + "@" + "b".repeat(185) + ".org";
        String at255 = local + "@" + "b".repeat(186) + ".org";
        assertEquals(254, at254.length());
        assertEquals(255, at255.length());
        assertTrue(EmailAddress.parse(at254).isPresent());
        assertEquals(Optional.empty(), EmailAddress.parse(at255));
        assertEquals(Optional.empty(), EmailAddress.parse(local + "@" + "b".repeat(400) + ".org"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "nameexample.org", "name@@example.org", "a@b@example.org", "a@b", "@example.org",
            "name@", "na me@example.org", "na\u0007me@example.org", "na\u0000me@example.org",
            "name@exa\u001bmple.org", "<name>@example.org", "\"x\"@example.org", "name@example.org\nBcc: x@y.org"})
    @DisplayName("Rule 29: rejects a missing or second @, no dotted domain, spaces, control characters, markup")
    void rejects(String raw) {
        assertEquals(Optional.empty(), EmailAddress.parse(raw));
    }
}
