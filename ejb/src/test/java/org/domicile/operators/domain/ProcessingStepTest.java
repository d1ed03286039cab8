package org.domicile.operators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessingStepTest {

    @Test
    @DisplayName("SPEC §3: eight steps in chain order")
    void order() {
        assertEquals(List.of("SUBMIT", "SEAL", "TIMESTAMP", "PROTECT", "CHARGE", "DELIVER", "HANDOVER", "ARCHIVE"),
                List.of(ProcessingStep.values()).stream().map(Enum::name).toList());
    }

    @Test
    @DisplayName("Operator ids are 'op-' and the step in lower case")
    void operatorIds() {
        assertEquals("op-seal", ProcessingStep.SEAL.operatorId());
        assertEquals("op-timestamp", ProcessingStep.TIMESTAMP.operatorId());
        assertEquals(8, List.of(ProcessingStep.values()).stream().map(ProcessingStep::operatorId).distinct().count());
    }

    @Test
    @DisplayName("The specification of a step is exact JSON with step, algorithms and deadline")
    void specificationExample() {
        assertEquals("{\"step\":\"SEAL\",\"algorithms\":[\"SHA256withECDSA\",\"SHA-256\"],\"deadlineSeconds\":60}",
                ProcessingOperator.specificationOf(ProcessingStep.SEAL));
        assertEquals("{\"step\":\"HANDOVER\",\"algorithms\":[\"SHA256withECDSA\",\"SHA-256\"],\"deadlineSeconds\":1296000}",
                ProcessingOperator.specificationOf(ProcessingStep.HANDOVER));
    }

    @ParameterizedTest
    @EnumSource(ProcessingStep.class)
    @DisplayName("Every step's specification is well-formed JSON naming the step, each algorithm and the deadline")
    void specificationOfEveryStep(ProcessingStep step) {
        String spec = ProcessingOperator.specificationOf(step);
        String algorithms = String.join(",", step.algorithms().stream().map(a -> "\"" + a + "\"").toList());
        assertEquals("{\"step\":\"" + step.name() + "\",\"algorithms\":[" + algorithms + "],\"deadlineSeconds\":"
                + step.deadline().toSeconds() + "}", spec);
        assertFalse(step.algorithms().isEmpty());
        assertTrue(step.deadline().toSeconds() > 0);
        for (String a : step.algorithms()) {
            assertTrue(a.matches("[A-Za-z0-9-]+"), "algorithm names need no JSON escaping: " + a);
        }
    }

    @Test
    @DisplayName("Rule 18: no step lists a weak algorithm (MD5, SHA-1, PKCS#1 v1.5 encryption, ECB)")
    void noWeakAlgorithms() {
        for (ProcessingStep step : ProcessingStep.values()) {
            for (String a : step.algorithms()) {
                String upper = a.toUpperCase();
                assertFalse(upper.contains("MD5") || upper.equals("SHA-1") || upper.startsWith("SHA1")
                        || upper.contains("ECB") || upper.contains("PKCS1"), step + ": " + a);
            }
        }
    }

    @Test
    @DisplayName("A registered operator is the party OPERATOR:op-<step> and carries its step's specification")
    void operatorEntity() {
        var op = new ProcessingOperator(ProcessingStep.TIMESTAMP, "Domicile Timestamp operator", TrustLevel.HIGH,
                "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", Instant.EPOCH);
        assertEquals("op-timestamp", op.id());
        assertEquals(new PartyRef(PartyKind.OPERATOR, "op-timestamp"), op.party());
        assertEquals(ProcessingOperator.specificationOf(ProcessingStep.TIMESTAMP), op.specification());
        op.changeTrustLevel(TrustLevel.LOW);
        assertEquals(TrustLevel.LOW, op.trustLevel());
    }
}
