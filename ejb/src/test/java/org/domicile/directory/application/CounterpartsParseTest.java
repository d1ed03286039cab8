package org.domicile.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.platform.BadInputException;
import org.domicile.platform.Ids;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CounterpartsParseTest {

    @Test
    @DisplayName("Accepts user and organisation keys from the directory")
    void accepts() {
        String id = Ids.newId();
        assertEquals(new PartyRef(PartyKind.USER, id), Counterparts.parse("USER:" + id));
        assertEquals(new PartyRef(PartyKind.ORGANISATION, id), Counterparts.parse("ORGANISATION:" + id));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", ":", "USER:", "USER", "OPERATOR:x", "OPERATOR:op-seal",
            "OPERATOR:abcdefghijklmnopqrstuv", "FOO:abc", "FOO:abcdefghijklmnopqrstuv", "user:abcdefghijklmnopqrstuv",
            ":abcdefghijklmnopqrstuv", "USER:../../etc/passwd", "USER:abcdefghijklmnop/../x", "USER:abc def ghijklmnop",
            "USER:abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"})
    @DisplayName("Rule 29: refuses empty, operators, unknown kinds, path-like and overlong keys with a clear message")
    void refuses(String key) {
        BadInputException e = assertThrows(BadInputException.class, () -> Counterparts.parse(key));
        assertEquals("Choose a party from the directory.", e.fieldErrors().get("counterpart"));
    }
}
