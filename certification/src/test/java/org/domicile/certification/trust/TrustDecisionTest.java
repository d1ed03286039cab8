package org.domicile.certification.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrustDecisionTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:30:00.123456789Z");
    private static final PartyRef A = new PartyRef(PartyKind.USER, "a");
    private static final PartyRef B = new PartyRef(PartyKind.USER, "b");

    private static TrustDecision refused() {
        return new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "correspondence", List.of(A, B), false,
                List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED);
    }

    @Test
    @DisplayName("canonical bytes are deterministic")
    void deterministic() {
        assertArrayEquals(refused().canonicalBytes(), refused().canonicalBytes());
    }

    @Test
    @DisplayName("changing any single field changes the signed bytes")
    void everyFieldIsCovered() {
        List<TrustDecision> variants = List.of(
                refused(),
                new TrustDecision("id-2", AT, TrustLevel.SUBSTANTIAL, "correspondence", List.of(A, B), false,
                        List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT.plusNanos(1), TrustLevel.SUBSTANTIAL, "correspondence", List.of(A, B), false,
                        List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT, TrustLevel.HIGH, "correspondence", List.of(A, B), false,
                        List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.HIGH)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "office-login", List.of(A, B), false,
                        List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "correspondence", List.of(B, A), false,
                        List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "correspondence",
                        List.of(new PartyRef(PartyKind.ORGANISATION, "a"), B), false,
                        List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "correspondence", List.of(A, B), false,
                        List.of(new Shortfall(B, TrustLevel.NONE, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "correspondence", List.of(A, B), false,
                        List.of(new Shortfall(A, TrustLevel.LOW, TrustLevel.SUBSTANTIAL)), TrustDecision.REASON_BELOW_REQUIRED),
                new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "correspondence", List.of(A, B), false,
                        List.of(), TrustDecision.REASON_UNAVAILABLE),
                new TrustDecision("id-1", AT, TrustLevel.SUBSTANTIAL, "correspondence", List.of(A, B), true,
                        List.of(), null));
        Set<String> encodings = new HashSet<>();
        for (TrustDecision variant : variants) {
            encodings.add(Arrays.toString(variant.canonicalBytes()));
        }
        assertEquals(variants.size(), encodings.size());
    }

    @Test
    @DisplayName("moving characters between fields cannot produce the same signed bytes")
    void unambiguousBoundaries() {
        TrustDecision one = new TrustDecision("id", AT, TrustLevel.LOW, "ab", List.of(new PartyRef(PartyKind.USER, "c")),
                true, List.of(), null);
        TrustDecision two = new TrustDecision("id", AT, TrustLevel.LOW, "a", List.of(new PartyRef(PartyKind.USER, "bc")),
                true, List.of(), null);
        TrustDecision three = new TrustDecision("id", AT, TrustLevel.LOW, "ab",
                List.of(new PartyRef(PartyKind.USER, "c:d")), true, List.of(), null);
        TrustDecision four = new TrustDecision("id", AT, TrustLevel.LOW, "ab",
                List.of(new PartyRef(PartyKind.USER, "c"), new PartyRef(PartyKind.USER, "d")), true, List.of(), null);
        assertFalse(Arrays.equals(one.canonicalBytes(), two.canonicalBytes()));
        assertFalse(Arrays.equals(three.canonicalBytes(), four.canonicalBytes()));
    }

    @Test
    @DisplayName("inconsistent decisions cannot be built: grant with shortfalls, refusal without reason")
    void invariants() {
        List<Shortfall> shortfall = List.of(new Shortfall(B, TrustLevel.LOW, TrustLevel.SUBSTANTIAL));
        assertThrows(IllegalArgumentException.class, () -> new TrustDecision("id", AT, TrustLevel.SUBSTANTIAL, "p",
                List.of(A, B), true, shortfall, null));
        assertThrows(IllegalArgumentException.class, () -> new TrustDecision("id", AT, TrustLevel.SUBSTANTIAL, "p",
                List.of(A, B), true, List.of(), "why"));
        assertThrows(IllegalArgumentException.class, () -> new TrustDecision("id", AT, TrustLevel.SUBSTANTIAL, "p",
                List.of(A, B), false, shortfall, null));
        assertThrows(IllegalArgumentException.class, () -> new TrustDecision("id", AT, TrustLevel.SUBSTANTIAL, "p",
                List.of(A), false, shortfall, TrustDecision.REASON_BELOW_REQUIRED));
    }
}
