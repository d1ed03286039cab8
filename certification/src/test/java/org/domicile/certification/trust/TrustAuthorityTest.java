package org.domicile.certification.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrustAuthorityTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final PartyRef HIGH_USER = new PartyRef(PartyKind.USER, "u-high");
    private static final PartyRef SUBST_ORG = new PartyRef(PartyKind.ORGANISATION, "o-subst");
    private static final PartyRef LOW_USER = new PartyRef(PartyKind.USER, "u-low");
    private static final PartyRef REVOKED = new PartyRef(PartyKind.USER, "u-revoked");
    private static final PartyRef UNKNOWN = new PartyRef(PartyKind.USER, "u-unknown");

    private static final TrustAttributeSource SOURCE = party -> Optional.ofNullable(Map.of(
            HIGH_USER, TrustLevel.HIGH,
            SUBST_ORG, TrustLevel.SUBSTANTIAL,
            LOW_USER, TrustLevel.LOW,
            REVOKED, TrustLevel.NONE).get(party));

    private static DocumentSigner signer;
    private static DocumentSigner otherSigner;

    @BeforeAll
    static void setUp() {
        signer = newSigner("Certification server");
        otherSigner = newSigner("Impostor");
    }

    private static DocumentSigner newSigner(String name) {
        InternalCa ca = InternalCa.create(name + " CA", CLOCK);
        KeyPair pair = Crypto.newEcKeyPair();
        X509Certificate cert = ca.issue(name, pair.getPublic(), CertificateProfile.SIGNING, Duration.ofDays(365));
        return new DocumentSigner(pair.getPrivate(), cert);
    }

    private static SignedTrustDecision decide(TrustAttributeSource source, TrustLevel required, PartyRef... parties) {
        return new TrustAuthority(source, signer, CLOCK).decide(TrustQuery.of(required, "correspondence", parties));
    }

    @Test
    @DisplayName("granted when every party reaches the level; the grant is signed by the certification server")
    void grantedAndSigned() {
        SignedTrustDecision signed = decide(SOURCE, TrustLevel.SUBSTANTIAL, HIGH_USER, SUBST_ORG);
        TrustDecision decision = signed.decision();
        assertTrue(decision.granted());
        assertTrue(decision.shortfalls().isEmpty());
        assertNull(decision.reason());
        assertEquals(NOW, decision.decidedAt());
        assertEquals(List.of(HIGH_USER, SUBST_ORG), decision.parties());
        assertEquals("correspondence", decision.purpose());
        assertTrue(signed.verify(signer.certificate()));
    }

    @Test
    @DisplayName("a refusal names exactly the parties that fell short, with their actual levels")
    void shortfallsNameExactlyTheWeakParties() {
        SignedTrustDecision signed = decide(SOURCE, TrustLevel.SUBSTANTIAL, HIGH_USER, LOW_USER, SUBST_ORG, REVOKED);
        TrustDecision decision = signed.decision();
        assertFalse(decision.granted());
        assertEquals(TrustDecision.REASON_BELOW_REQUIRED, decision.reason());
        assertEquals(List.of(new Shortfall(LOW_USER, TrustLevel.LOW, TrustLevel.SUBSTANTIAL),
                new Shortfall(REVOKED, TrustLevel.NONE, TrustLevel.SUBSTANTIAL)), decision.shortfalls());
        assertTrue(signed.verify(signer.certificate()));
    }

    @Test
    @DisplayName("Rule 9: an unknown party is a shortfall at level NONE, never a grant")
    void unknownPartyIsNone() {
        TrustDecision decision = decide(SOURCE, TrustLevel.LOW, HIGH_USER, UNKNOWN).decision();
        assertFalse(decision.granted());
        assertEquals(List.of(new Shortfall(UNKNOWN, TrustLevel.NONE, TrustLevel.LOW)), decision.shortfalls());
    }

    @Test
    @DisplayName("Rule 9: when the trust attributes cannot be read, the answer is a signed refusal")
    void sourceFailureIsSignedRefusal() {
        TrustAttributeSource broken = party -> {
            throw new IllegalStateException("database down");
        };
        SignedTrustDecision signed = decide(broken, TrustLevel.LOW, HIGH_USER);
        TrustDecision decision = signed.decision();
        assertFalse(decision.granted());
        assertEquals(TrustDecision.REASON_UNAVAILABLE, decision.reason());
        assertTrue(decision.shortfalls().isEmpty());
        assertEquals(List.of(HIGH_USER), decision.parties());
        assertTrue(signed.verify(signer.certificate()));
    }

    @Test
    @DisplayName("Rule 9: a failure part-way through (after good answers) still refuses; so does a null answer")
    void partialFailureRefuses() {
        TrustAttributeSource failsOnSecond = party -> {
            if (party.equals(SUBST_ORG)) {
                throw new RuntimeException("timeout");
            }
            return Optional.of(TrustLevel.HIGH);
        };
        TrustDecision partial = decide(failsOnSecond, TrustLevel.LOW, HIGH_USER, SUBST_ORG).decision();
        assertFalse(partial.granted());
        assertEquals(TrustDecision.REASON_UNAVAILABLE, partial.reason());

        TrustDecision nullAnswer = decide(party -> null, TrustLevel.LOW, HIGH_USER).decision();
        assertFalse(nullAnswer.granted());
        assertEquals(TrustDecision.REASON_UNAVAILABLE, nullAnswer.reason());
    }

    /** A source that reads every party of a decision at once, as the service's database source does. */
    private static TrustAttributeSource together(Map<PartyRef, TrustLevel> answer) {
        return new TrustAttributeSource() {
            @Override
            public Optional<TrustLevel> levelOf(PartyRef party) {
                throw new AssertionError("asked one by one");
            }

            @Override
            public Map<PartyRef, TrustLevel> levelsOf(List<PartyRef> parties) {
                return answer;
            }
        };
    }

    @Test
    @DisplayName("Rule 9: read together, a party left out of the answer is a shortfall at NONE; no answer refuses")
    void partiesReadTogether() {
        TrustDecision decision = decide(together(Map.of(HIGH_USER, TrustLevel.HIGH, LOW_USER, TrustLevel.LOW)),
                TrustLevel.SUBSTANTIAL, HIGH_USER, LOW_USER, UNKNOWN).decision();
        assertFalse(decision.granted());
        assertEquals(List.of(new Shortfall(LOW_USER, TrustLevel.LOW, TrustLevel.SUBSTANTIAL),
                new Shortfall(UNKNOWN, TrustLevel.NONE, TrustLevel.SUBSTANTIAL)), decision.shortfalls());

        assertTrue(decide(together(Map.of(HIGH_USER, TrustLevel.HIGH, SUBST_ORG, TrustLevel.SUBSTANTIAL)),
                TrustLevel.SUBSTANTIAL, HIGH_USER, SUBST_ORG).decision().granted());

        TrustDecision noAnswer = decide(together(null), TrustLevel.LOW, HIGH_USER).decision();
        assertFalse(noAnswer.granted());
        assertEquals(TrustDecision.REASON_UNAVAILABLE, noAnswer.reason());
    }

    @Test
    @DisplayName("a decision whose content was altered does not verify")
    void alteredDecisionDoesNotVerify() {
        SignedTrustDecision refusal = decide(SOURCE, TrustLevel.SUBSTANTIAL, LOW_USER);
        TrustDecision original = refusal.decision();
        TrustDecision forgedGrant = new TrustDecision(original.decisionId(), original.decidedAt(), original.required(),
                original.purpose(), original.parties(), true, List.of(), null);
        assertFalse(new SignedTrustDecision(forgedGrant, refusal.signature(), refusal.signer())
                .verify(signer.certificate()));
        TrustDecision otherPurpose = new TrustDecision(original.decisionId(), original.decidedAt(), original.required(),
                "office-login", original.parties(), false, original.shortfalls(), original.reason());
        assertFalse(new SignedTrustDecision(otherPurpose, refusal.signature(), refusal.signer())
                .verify(signer.certificate()));
    }

    @Test
    @DisplayName("a decision whose signature bytes were altered does not verify")
    void alteredSignatureDoesNotVerify() {
        SignedTrustDecision signed = decide(SOURCE, TrustLevel.LOW, HIGH_USER);
        byte[] signature = signed.signature();
        for (int i : new int[] {0, signature.length / 2, signature.length - 1}) {
            byte[] altered = signature.clone();
            altered[i] ^= 0x01;
            assertFalse(new SignedTrustDecision(signed.decision(), altered, signed.signer()).verify(signer.certificate()));
        }
        // Changing the returned array must not change the decision's own signature.
        signature[signature.length - 1] ^= 0x01;
        assertTrue(signed.verify(signer.certificate()));
    }

    @Test
    @DisplayName("a decision signed by another certificate does not verify against the certification server's")
    void otherSignerDoesNotVerify() {
        SignedTrustDecision impostor = new TrustAuthority(SOURCE, otherSigner, CLOCK)
                .decide(TrustQuery.of(TrustLevel.LOW, "correspondence", HIGH_USER));
        assertTrue(impostor.verify(otherSigner.certificate()));
        assertFalse(impostor.verify(signer.certificate()));
        // Claiming the trusted certificate as signer does not help: the signature is not its key's.
        assertFalse(new SignedTrustDecision(impostor.decision(), impostor.signature(), signer.certificate())
                .verify(signer.certificate()));
        assertFalse(impostor.verify(null));
    }

    @Test
    @DisplayName("decision ids are random 128-bit values")
    void decisionIdsAreRandom() {
        String first = decide(SOURCE, TrustLevel.LOW, HIGH_USER).decision().decisionId();
        String second = decide(SOURCE, TrustLevel.LOW, HIGH_USER).decision().decisionId();
        assertTrue(first.matches("[0-9a-f]{32}"), first);
        assertNotEquals(first, second);
    }

    @Test
    void rejectsMissingCollaborators() {
        assertThrows(IllegalArgumentException.class, () -> new TrustAuthority(null, signer, CLOCK));
        assertThrows(IllegalArgumentException.class, () -> new TrustAuthority(SOURCE, null, CLOCK));
        assertThrows(IllegalArgumentException.class, () -> new TrustAuthority(SOURCE, signer, null));
        assertThrows(IllegalArgumentException.class, () -> new TrustAuthority(SOURCE, signer, CLOCK).decide(null));
    }
}
