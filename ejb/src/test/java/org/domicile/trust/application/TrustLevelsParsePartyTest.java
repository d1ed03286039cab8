package org.domicile.trust.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.operators.domain.ProcessingStep;
import org.domicile.platform.Ids;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustLevelsParsePartyTest {

    @Test
    @DisplayName("Accepts USER and ORGANISATION keys with a well-formed id")
    void acceptsIds() {
        String id = Ids.newId();
        for (PartyKind kind : PartyKind.values()) {
            Map<String, String> errors = new HashMap<>();
            assertEquals(new PartyRef(kind, id), TrustLevels.parseParty(kind + ":" + id, errors));
            assertTrue(errors.isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(ProcessingStep.class)
    @DisplayName("Accepts the id of every built-in processing operator")
    void acceptsOperators(ProcessingStep step) {
        Map<String, String> errors = new HashMap<>();
        assertEquals(new PartyRef(PartyKind.OPERATOR, step.operatorId()),
                TrustLevels.parseParty("OPERATOR:" + step.operatorId(), errors));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", ":", "USER:", "USER", "FOO:abc", "FOO:abcdefghijklmnopqrstuv", "user:abcdefghijklmnopqrstuv",
            "USER:../../etc/passwd", "USER:abcdefghijklmnop/../x", "USER:abcdefghijklmnop%2F", "USER:op-seal",
            "OPERATOR:op-SEAL", "OPERATOR:op-../x", "OPERATOR:op-ab", "OPERATOR:x", ":abcdefghijklmnopqrstuv",
            "USER:abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"})
    @DisplayName("Rule 29: refuses empty, unknown kinds, path-like and overlong ids with a field error")
    void refuses(String key) {
        Map<String, String> errors = new HashMap<>();
        PartyRef party = TrustLevels.parseParty(key, errors);
        assertTrue(errors.containsKey("party"), "no error for " + key);
        assertEquals("invalid", party.id());
    }
}
