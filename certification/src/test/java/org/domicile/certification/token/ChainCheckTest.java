package org.domicile.certification.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.domicile.certification.cms.TestPki;
import org.domicile.certification.cms.TestPki.Party;
import org.domicile.certification.cms.json.CanonicalJson;
import org.domicile.certification.token.ChainCheck.Finding;
import org.domicile.certification.token.ChainCheck.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    private static final ChainCheck CHECK = new ChainCheck(ChainFixture.VERIFIER, ChainFixture.certificates());

    private static ChainFixture twoSteps() {
        return new ChainFixture()
                .step("SEAL", ChainFixture.SEAL, "op-seal", ChainFixture.output("sealed"))
                .step("PROTECT", ChainFixture.PROTECT, "op-protect", ChainFixture.output("protected"));
    }

    /** The chain with a defect in step 2 (tokens 4 to 7). */
    private static List<byte[]> secondStep(Map<TokenKind, Consumer<Map<String, Object>>> edits,
                                           Map<TokenKind, Party> signers) {
        return new ChainFixture()
                .step("SEAL", ChainFixture.SEAL, "op-seal", ChainFixture.output("sealed"))
                .step("PROTECT", ChainFixture.PROTECT, "op-protect", ChainFixture.output("protected"), edits, signers)
                .tokens;
    }

    private static void assertOnly(ChainCheck.Result result, int index, Problem problem) {
        assertFalse(result.ok());
        assertFalse(result.complete());
        assertEquals(1, result.findings().size(), result.findings().toString());
        Finding finding = result.findings().get(0);
        assertEquals(index, finding.index(), finding.toString());
        assertEquals(problem, finding.problem(), finding.toString());
    }

    @Test
    @DisplayName("a sound two-step chain passes and is complete")
    void soundChain() {
        ChainCheck.Result result = CHECK.check(twoSteps().tokens);
        assertTrue(result.ok(), result.findings().toString());
        assertTrue(result.complete());
        assertEquals(8, result.tokens().size());
        assertEquals(List.of(TokenKind.ORDER, TokenKind.ACKNOWLEDGEMENT, TokenKind.RETURN, TokenKind.COUNTERSIGNATURE),
                result.tokens().subList(4, 8).stream().map(t -> t.content().kind()).toList());
    }

    @Test
    @DisplayName("a chain whose last step is under way is sound but not complete; an empty chain is not complete")
    void stepUnderWay() {
        List<byte[]> tokens = twoSteps().tokens.subList(0, 6);
        ChainCheck.Result result = CHECK.check(tokens);
        assertTrue(result.ok(), result.findings().toString());
        assertFalse(result.complete());
        assertFalse(CHECK.check(List.of()).complete());
    }

    @Test
    @DisplayName("one flipped byte in a token: SIGNATURE_INVALID for exactly that token")
    void flippedByte() {
        List<byte[]> tokens = new ArrayList<>(twoSteps().tokens);
        tokens.set(5, TestPki.flip(tokens.get(5), tokens.get(5).length / 2));
        assertOnly(CHECK.check(tokens), 5, Problem.SIGNATURE_INVALID);
    }

    @Test
    @DisplayName("a changed ORDER is reported, and so are the tokens whose answers-link it breaks")
    void flippedOrder() {
        List<byte[]> tokens = new ArrayList<>(twoSteps().tokens);
        tokens.set(4, TestPki.flip(tokens.get(4), 100));
        List<Finding> findings = CHECK.check(tokens).findings();
        assertEquals(List.of(4, 5, 6), findings.stream().map(Finding::index).toList(), findings.toString());
        assertEquals(List.of(Problem.SIGNATURE_INVALID, Problem.BROKEN_ANSWERS_LINK, Problem.BROKEN_ANSWERS_LINK),
                findings.stream().map(Finding::problem).toList());
    }

    @Test
    @DisplayName("a changed byte in a token's JSON: SIGNATURE_INVALID naming BAD_SIGNATURE")
    void tamperedJson() {
        List<byte[]> tokens = new ArrayList<>(twoSteps().tokens);
        byte[] returned = tokens.get(6).clone();
        int at = new String(returned, StandardCharsets.ISO_8859_1).indexOf("\"output\":\"") + 10;
        returned[at] = (byte) (returned[at] == 'a' ? 'b' : 'a');
        tokens.set(6, returned);
        ChainCheck.Result result = CHECK.check(tokens);
        assertEquals(6, result.findings().get(0).index());
        assertEquals(Problem.SIGNATURE_INVALID, result.findings().get(0).problem());
        assertTrue(result.findings().get(0).detail().contains("BAD_SIGNATURE"), result.findings().get(0).detail());
    }

    @Test
    @DisplayName("a token re-signed by a certificate of another CA: SIGNATURE_INVALID (UNTRUSTED_SIGNER)")
    void wrongCa() {
        Party intruder = TestPki.signer(TestPki.otherCa(), "op-protect");
        ChainCheck.Result result = CHECK.check(secondStep(Map.of(), Map.of(TokenKind.RETURN, intruder)));
        assertOnly(result, 6, Problem.SIGNATURE_INVALID);
        assertTrue(result.findings().get(0).detail().contains("UNTRUSTED_SIGNER"));
    }

    @Test
    @DisplayName("a RETURN signed with the certification server's key: WRONG_SIGNER")
    void swappedSigner() {
        assertOnly(CHECK.check(secondStep(Map.of(), Map.of(TokenKind.RETURN, ChainFixture.SERVER))), 6,
                Problem.WRONG_SIGNER);
    }

    @Test
    @DisplayName("an ACKNOWLEDGEMENT signed by another operator (same CA): WRONG_SIGNER")
    void otherOperatorSigned() {
        assertOnly(CHECK.check(secondStep(Map.of(), Map.of(TokenKind.ACKNOWLEDGEMENT, ChainFixture.SEAL))), 5,
                Problem.WRONG_SIGNER);
    }

    @Test
    @DisplayName("an ORDER naming an operator as issuer (and signed by it): WRONG_ISSUER")
    void orderIssuedByOperator() {
        ChainCheck.Result result = CHECK.check(secondStep(Map.of(TokenKind.ORDER, json -> json.put("issuer", "op-protect")),
                Map.of(TokenKind.ORDER, ChainFixture.PROTECT)));
        assertOnly(result, 4, Problem.WRONG_ISSUER);
    }

    @Test
    @DisplayName("an issuer without a registered certificate: UNKNOWN_ISSUER")
    void unknownIssuer() {
        Map<String, X509Certificate> certificates = new HashMap<>(ChainFixture.certificates());
        certificates.remove("op-protect");
        ChainCheck.Result result = new ChainCheck(ChainFixture.VERIFIER, certificates).check(twoSteps().tokens);
        assertEquals(List.of(5, 6), result.findings().stream().map(Finding::index).toList());
        assertTrue(result.findings().stream().allMatch(f -> f.problem() == Problem.UNKNOWN_ISSUER));
    }

    @Test
    @DisplayName("an ACKNOWLEDGEMENT answering another token: BROKEN_ANSWERS_LINK")
    void wrongAnswers() {
        assertOnly(CHECK.check(secondStep(Map.of(TokenKind.ACKNOWLEDGEMENT,
                json -> json.put("answers", ChainFixture.output("another order"))), Map.of())), 5,
                Problem.BROKEN_ANSWERS_LINK);
    }

    @Test
    @DisplayName("a COUNTERSIGNATURE answering the ORDER instead of the RETURN: BROKEN_ANSWERS_LINK")
    void countersignatureAnswersOrder() {
        ChainFixture fixture = twoSteps();
        TokenContent countersignature = ChainFixture.edit(fixture.contents.get(7),
                json -> json.put("answers", CertificationTokens.digestOf(fixture.tokens.get(4))));
        List<byte[]> edited = new ArrayList<>(fixture.tokens);
        edited.set(7, CertificationTokens.sign(countersignature, ChainFixture.SERVER.signer()));
        assertOnly(CHECK.check(edited), 7, Problem.BROKEN_ANSWERS_LINK);
    }

    @Test
    @DisplayName("an ORDER whose previous is not the previous COUNTERSIGNATURE: BROKEN_PREVIOUS_LINK")
    void wrongPrevious() {
        assertOnly(CHECK.check(secondStep(Map.of(TokenKind.ORDER, json -> json.put("previous", "")), Map.of())), 4,
                Problem.BROKEN_PREVIOUS_LINK);
        ChainCheck.Result firstStep = CHECK.check(new ChainFixture().step("SEAL", ChainFixture.SEAL, "op-seal",
                ChainFixture.output("sealed"), Map.of(TokenKind.ORDER, json -> json.put("previous",
                        ChainFixture.output("nothing"))), Map.of()).tokens);
        assertOnly(firstStep, 0, Problem.BROKEN_PREVIOUS_LINK);
    }

    @Test
    @DisplayName("an ORDER whose input is not the previous RETURN's output: BROKEN_INPUT_LINK")
    void wrongInput() {
        // All tokens of step 2 carry the changed input, so only the ORDER's link is broken.
        String other = ChainFixture.output("something else");
        Consumer<Map<String, Object>> input = json -> json.put("input", other);
        ChainCheck.Result result = CHECK.check(secondStep(Map.of(TokenKind.ORDER, input, TokenKind.ACKNOWLEDGEMENT, input,
                TokenKind.RETURN, input, TokenKind.COUNTERSIGNATURE, input), Map.of()));
        assertOnly(result, 4, Problem.BROKEN_INPUT_LINK);
    }

    @Test
    @DisplayName("a token of the step with another input or step name than its ORDER: STEP_MISMATCH")
    void stepMismatch() {
        assertOnly(CHECK.check(secondStep(Map.of(TokenKind.RETURN, json -> json.put("step", "CHARGE")), Map.of())), 6,
                Problem.STEP_MISMATCH);
    }

    @Test
    @DisplayName("a COUNTERSIGNATURE with another output than the RETURN: OUTPUT_MISMATCH")
    void countersignedOtherOutput() {
        assertOnly(CHECK.check(secondStep(Map.of(TokenKind.COUNTERSIGNATURE,
                json -> json.put("output", ChainFixture.output("forged"))), Map.of())), 7, Problem.OUTPUT_MISMATCH);
    }

    @Test
    @DisplayName("a RETURN issued after the ORDER's deadline: DEADLINE_PASSED")
    void returnAfterDeadline() {
        String late = CanonicalJson.instant(Instant.now().plus(Duration.ofHours(2)));
        assertOnly(CHECK.check(secondStep(Map.of(TokenKind.RETURN, json -> json.put("issuedAt", late)), Map.of())), 6,
                Problem.DEADLINE_PASSED);
    }

    @Test
    @DisplayName("a token of another correspondence: WRONG_CORRESPONDENCE")
    void otherCorrespondence() {
        assertOnly(CHECK.check(secondStep(Map.of(TokenKind.ACKNOWLEDGEMENT,
                json -> json.put("correspondence", "corr-other")), Map.of())), 5, Problem.WRONG_CORRESPONDENCE);
    }

    @Test
    @DisplayName("a missing ACKNOWLEDGEMENT: OUT_OF_SEQUENCE where the RETURN stands")
    void missingPart() {
        List<byte[]> tokens = new ArrayList<>(twoSteps().tokens);
        tokens.remove(5);
        assertOnly(CHECK.check(tokens), 5, Problem.OUT_OF_SEQUENCE);
    }

    @Test
    @DisplayName("ACKNOWLEDGEMENT and RETURN swapped: OUT_OF_SEQUENCE for both")
    void swappedOrder() {
        List<byte[]> tokens = new ArrayList<>(twoSteps().tokens);
        Collections.swap(tokens, 5, 6);
        List<Finding> findings = CHECK.check(tokens).findings();
        assertEquals(List.of(5, 6), findings.stream().map(Finding::index).toList(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.problem() == Problem.OUT_OF_SEQUENCE));
    }

    @Test
    @DisplayName("a whole step missing: the next ORDER's previous and input links break")
    void missingStep() {
        ChainFixture fixture = new ChainFixture()
                .step("SEAL", ChainFixture.SEAL, "op-seal", ChainFixture.output("sealed"))
                .step("PROTECT", ChainFixture.PROTECT, "op-protect", ChainFixture.output("protected"))
                .step("SEAL", ChainFixture.SEAL, "op-seal", ChainFixture.output("sealed again"));
        List<byte[]> tokens = new ArrayList<>(fixture.tokens.subList(0, 4));
        tokens.addAll(fixture.tokens.subList(8, 12));
        List<Finding> findings = CHECK.check(tokens).findings();
        assertEquals(List.of(Problem.BROKEN_PREVIOUS_LINK, Problem.BROKEN_INPUT_LINK),
                findings.stream().map(Finding::problem).toList(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.index() == 4));
    }
}
