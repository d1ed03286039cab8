package org.domicile.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;

/** A party an office corresponds with, chosen from the directory. */
@Entity
@Table(name = "counterpart")
@IdClass(Counterpart.Key.class)
public class Counterpart {
    @Id
    @Column(name = "office_id")
    private String officeId;
    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "party_kind")
    private PartyKind partyKind;
    @Id
    @Column(name = "party_id")
    private String partyId;
    @Column(name = "added_at")
    private long addedAt;

    protected Counterpart() {
    }

    public Counterpart(String officeId, PartyRef party, Instant now) {
        this.officeId = officeId;
        this.partyKind = party.kind();
        this.partyId = party.id();
        this.addedAt = now.toEpochMilli();
    }

    public PartyRef party() {
        return new PartyRef(partyKind, partyId);
    }

    public Instant addedAt() {
        return Instant.ofEpochMilli(addedAt);
    }

    /** Composite key: office, kind, party. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String officeId;
        public PartyKind partyKind;
        public String partyId;

        public Key() {
        }

        public Key(String officeId, PartyRef party) {
            this.officeId = officeId;
            this.partyKind = party.kind();
            this.partyId = party.id();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(officeId, k.officeId) && partyKind == k.partyKind
                    && Objects.equals(partyId, k.partyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(officeId, partyKind, partyId);
        }
    }
}
