package org.domicile.correspondence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;

/** One recipient of a correspondence: a user or an organisation of the directory. */
@Embeddable
public class Recipient {
    @Enumerated(EnumType.STRING)
    @Column(name = "party_kind")
    private PartyKind partyKind;
    @Column(name = "party_id")
    private String partyId;

    protected Recipient() {
    }

    Recipient(PartyRef party) {
        this.partyKind = party.kind();
        this.partyId = party.id();
    }

    public PartyRef party() {
        return new PartyRef(partyKind, partyId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipient r && r.partyKind == partyKind && Objects.equals(r.partyId, partyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partyKind, partyId);
    }

    @Override
    public String toString() {
        return partyKind + ":" + partyId;
    }
}
