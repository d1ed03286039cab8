package org.domicile.correspondence.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Recipients are directory keys; level explanations say what is needed. */
class RecipientKeysTest {

    private static final String ID = "AbCdEfGhIjKlMnOpQrStUv";

    @Test
    @DisplayName("USER:id and ORGANISATION:id are read")
    void goodKeys() {
        assertEquals(new PartyRef(PartyKind.USER, ID), RecipientBook.parse("USER:" + ID).orElseThrow());
        assertEquals(new PartyRef(PartyKind.ORGANISATION, ID), RecipientBook.parse("ORGANISATION:" + ID).orElseThrow());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "USER", "USER:", ":" + ID, "OPERATOR:op-seal", "OPERATOR:" + ID, "user:" + ID,
            "USER:short", "USER:" + ID + "'--", "GROUP:" + ID})
    @DisplayName("Rule 29: anything else is no recipient (operators included)")
    void badKeys(String key) {
        assertTrue(RecipientBook.parse(key).isEmpty(), String.valueOf(key));
    }

    @Test
    @DisplayName("Level checks say what is needed, e.g. \"needs level SUBSTANTIAL, has LOW\"")
    void explanations() {
        assertEquals("needs level SUBSTANTIAL, has LOW", Validation.explain(TrustLevel.LOW, TrustLevel.SUBSTANTIAL));
        assertEquals("reaches level SUBSTANTIAL (has HIGH)", Validation.explain(TrustLevel.HIGH, TrustLevel.SUBSTANTIAL));
        assertEquals("needs level LOW, has NONE", Validation.explain(TrustLevel.NONE, TrustLevel.LOW));
    }
}
