package org.domicile.certification.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrustQueryTest {

    private static final PartyRef ALICE = new PartyRef(PartyKind.USER, "u-1");
    private static final PartyRef ACME = new PartyRef(PartyKind.ORGANISATION, "o-7");

    @Test
    @DisplayName("duplicate parties are removed, first occurrence order kept")
    void deduplicatesInOrder() {
        TrustQuery query = new TrustQuery(TrustLevel.LOW, List.of(ACME, ALICE, ACME, new PartyRef(PartyKind.USER, "u-1")),
                "correspondence");
        assertEquals(List.of(ACME, ALICE), query.parties());
    }

    @Test
    @DisplayName("the party list is a copy that cannot be changed afterwards")
    void partiesAreImmutableCopy() {
        List<PartyRef> parties = new ArrayList<>(List.of(ALICE));
        TrustQuery query = new TrustQuery(TrustLevel.LOW, parties, "office-login");
        parties.add(ACME);
        assertEquals(List.of(ALICE), query.parties());
        assertThrows(UnsupportedOperationException.class, () -> query.parties().add(ACME));
    }

    @Test
    void rejectsIncompleteQueries() {
        assertThrows(IllegalArgumentException.class, () -> new TrustQuery(null, List.of(ALICE), "p"));
        assertThrows(IllegalArgumentException.class, () -> new TrustQuery(TrustLevel.LOW, List.of(), "p"));
        assertThrows(IllegalArgumentException.class, () -> new TrustQuery(TrustLevel.LOW, null, "p"));
        assertThrows(IllegalArgumentException.class,
                () -> new TrustQuery(TrustLevel.LOW, Arrays.asList(ALICE, null), "p"));
        assertThrows(IllegalArgumentException.class, () -> new TrustQuery(TrustLevel.LOW, List.of(ALICE), " "));
    }

    @Test
    void partyRefValidatesAndPrints() {
        assertEquals("USER:u-1", ALICE.toString());
        assertThrows(IllegalArgumentException.class, () -> new PartyRef(PartyKind.USER, " "));
        assertThrows(IllegalArgumentException.class, () -> new PartyRef(PartyKind.USER, null));
        assertThrows(IllegalArgumentException.class, () -> new PartyRef(null, "u-1"));
    }

    @Test
    @DisplayName("a shortfall is only a shortfall if the actual level is below the required one")
    void shortfallInvariant() {
        assertThrows(IllegalArgumentException.class,
                () -> new Shortfall(ALICE, TrustLevel.HIGH, TrustLevel.SUBSTANTIAL));
        assertEquals(TrustLevel.LOW, new Shortfall(ALICE, TrustLevel.LOW, TrustLevel.HIGH).actual());
    }
}
