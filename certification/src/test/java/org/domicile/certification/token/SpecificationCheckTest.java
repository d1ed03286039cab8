package org.domicile.certification.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.domicile.certification.cms.json.CanonicalJson;
import org.domicile.certification.token.SpecificationCheck.Failure;
import org.domicile.certification.token.SpecificationCheck.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpecificationCheckTest {

    private static final String OUTPUT = ChainFixture.output("sealed content");
    private static final OperatorSpecification SPEC = new OperatorSpecification("op-seal", "SEAL",
            List.of("SHA256withECDSA", "SHA384withECDSA"), Duration.ofHours(2));

    /** ORDER and RETURN of one SEAL step, the RETURN edited before signing. */
    private static List<VerifiedToken> step(Map<TokenKind, Consumer<Map<String, Object>>> edits) {
        ChainFixture fixture = new ChainFixture().step("SEAL", ChainFixture.SEAL, "op-seal", OUTPUT, edits, Map.of());
        return List.of(CertificationTokens.open(fixture.tokens.get(0), ChainFixture.VERIFIER),
                CertificationTokens.open(fixture.tokens.get(1), ChainFixture.VERIFIER),
                CertificationTokens.open(fixture.tokens.get(2), ChainFixture.VERIFIER));
    }

    private static List<Rule> rules(List<Failure> failures) {
        return failures.stream().map(Failure::rule).toList();
    }

    private static Instant soon(VerifiedToken order) {
        return order.content().issuedAt().plusSeconds(10);
    }

    @Test
    @DisplayName("a RETURN that meets the specification passes")
    void passes() {
        List<VerifiedToken> step = step(Map.of());
        assertEquals(List.of(), SpecificationCheck.check(step.get(0), step.get(2), SPEC, OUTPUT, soon(step.get(0))));
    }

    @Test
    @DisplayName("another step or operator than the specification's: WRONG_STEP, WRONG_OPERATOR")
    void wrongStepAndOperator() {
        List<VerifiedToken> step = step(Map.of());
        OperatorSpecification protect = new OperatorSpecification("op-seal", "PROTECT", SPEC.algorithms(), SPEC.deadline());
        assertEquals(List.of(Rule.WRONG_STEP), rules(SpecificationCheck.check(step.get(0), step.get(2), protect, OUTPUT,
                soon(step.get(0)))));
        OperatorSpecification other = new OperatorSpecification("op-other", "SEAL", SPEC.algorithms(), SPEC.deadline());
        assertEquals(List.of(Rule.WRONG_OPERATOR), rules(SpecificationCheck.check(step.get(0), step.get(2), other, OUTPUT,
                soon(step.get(0)))));
    }

    @Test
    @DisplayName("a RETURN that does not answer this ORDER: NOT_ANSWERING_ORDER")
    void notAnswering() {
        List<VerifiedToken> step = step(Map.of(TokenKind.RETURN, json -> json.put("answers", OUTPUT)));
        assertEquals(List.of(Rule.NOT_ANSWERING_ORDER),
                rules(SpecificationCheck.check(step.get(0), step.get(2), SPEC, OUTPUT, soon(step.get(0)))));
    }

    @Test
    @DisplayName("an algorithm outside the specification: ALGORITHM_NOT_ALLOWED naming it")
    void disallowedAlgorithm() {
        List<VerifiedToken> step = step(Map.of(TokenKind.RETURN,
                json -> json.put("algorithms", List.of("SHA256withECDSA", "SHA1withRSA"))));
        List<Failure> failures = SpecificationCheck.check(step.get(0), step.get(2), SPEC, OUTPUT, soon(step.get(0)));
        assertEquals(List.of(Rule.ALGORITHM_NOT_ALLOWED), rules(failures));
        assertTrue(failures.get(0).detail().contains("SHA1withRSA"), failures.get(0).detail());
    }

    @Test
    @DisplayName("an output digest other than the stored one: OUTPUT_MISMATCH")
    void outputMismatch() {
        List<VerifiedToken> step = step(Map.of());
        assertEquals(List.of(Rule.OUTPUT_MISMATCH), rules(SpecificationCheck.check(step.get(0), step.get(2), SPEC,
                ChainFixture.output("what the server stored"), soon(step.get(0)))));
    }

    @Test
    @DisplayName("checked after the ORDER's deadline, or returned after it: DEADLINE_PASSED")
    void deadlinePassed() {
        List<VerifiedToken> step = step(Map.of());
        Instant deadline = step.get(0).content().deadline();
        assertEquals(List.of(Rule.DEADLINE_PASSED), rules(SpecificationCheck.check(step.get(0), step.get(2), SPEC, OUTPUT,
                deadline.plusMillis(1))));
        assertEquals(List.of(), SpecificationCheck.check(step.get(0), step.get(2), SPEC, OUTPUT, deadline));

        List<VerifiedToken> late = step(Map.of(TokenKind.RETURN,
                json -> json.put("issuedAt", CanonicalJson.instant(Instant.now().plus(Duration.ofHours(1)).plusSeconds(5)))));
        List<Failure> failures = SpecificationCheck.check(late.get(0), late.get(2), SPEC, OUTPUT, soon(late.get(0)));
        assertEquals(List.of(Rule.DEADLINE_PASSED), rules(failures));
        assertTrue(failures.get(0).detail().startsWith("RETURN issued at"), failures.get(0).detail());
    }

    @Test
    @DisplayName("the specification's own deadline applies when it is shorter than the ORDER's")
    void specificationDeadline() {
        List<VerifiedToken> step = step(Map.of());
        OperatorSpecification quick = new OperatorSpecification("op-seal", "SEAL", SPEC.algorithms(), Duration.ofMinutes(30));
        Instant at = step.get(0).content().issuedAt().plus(Duration.ofMinutes(45)); // before the ORDER's 1 h deadline
        assertEquals(List.of(Rule.DEADLINE_PASSED), rules(SpecificationCheck.check(step.get(0), step.get(2), quick, OUTPUT, at)));
    }

    @Test
    @DisplayName("tokens of the wrong kind, another input or correspondence are named")
    void kindInputCorrespondence() {
        List<VerifiedToken> step = step(Map.of());
        assertTrue(rules(SpecificationCheck.check(step.get(1), step.get(2), SPEC, OUTPUT, soon(step.get(0))))
                .contains(Rule.WRONG_KIND));
        List<VerifiedToken> otherInput = step(Map.of(TokenKind.RETURN, json -> json.put("input", OUTPUT)));
        assertEquals(List.of(Rule.INPUT_MISMATCH), rules(SpecificationCheck.check(otherInput.get(0), otherInput.get(2),
                SPEC, OUTPUT, soon(otherInput.get(0)))));
        List<VerifiedToken> otherCorrespondence = step(Map.of(TokenKind.RETURN, json -> json.put("correspondence", "x")));
        assertEquals(List.of(Rule.WRONG_CORRESPONDENCE), rules(SpecificationCheck.check(otherCorrespondence.get(0),
                otherCorrespondence.get(2), SPEC, OUTPUT, soon(otherCorrespondence.get(0)))));
    }

    @Test
    @DisplayName("several broken rules are all reported")
    void allFailuresReported() {
        List<VerifiedToken> step = step(Map.of(TokenKind.RETURN, json -> json.put("algorithms", List.of("MD5"))));
        List<Rule> rules = rules(SpecificationCheck.check(step.get(0), step.get(2), SPEC, ChainFixture.output("x"),
                step.get(0).content().deadline().plusSeconds(1)));
        assertEquals(List.of(Rule.ALGORITHM_NOT_ALLOWED, Rule.OUTPUT_MISMATCH, Rule.DEADLINE_PASSED), rules);
    }

    @Test
    @DisplayName("a specification needs an operator, a step, at least one algorithm and a positive deadline")
    void specificationValidated() {
        assertThrows(IllegalArgumentException.class, () -> new OperatorSpecification("", "SEAL", List.of("a"), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new OperatorSpecification("op", "SEAL", List.of(), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new OperatorSpecification("op", "SEAL", List.of("a"), Duration.ZERO));
    }
}
