package org.domicile.trust.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.platform.Ids;

/** A change of a party's trust level: who, when, why, old to new (SECURITY-BASELINE 17). Never altered. */
@Entity
@Table(name = "trust_change")
public class TrustChange {
    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "party_kind")
    private PartyKind partyKind;
    @Column(name = "party_id")
    private String partyId;
    @Enumerated(EnumType.STRING)
    @Column(name = "old_level")
    private TrustLevel oldLevel;
    @Enumerated(EnumType.STRING)
    @Column(name = "new_level")
    private TrustLevel newLevel;
    private String justification;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private long changedAt;

    protected TrustChange() {
    }

    public TrustChange(PartyRef party, TrustLevel oldLevel, TrustLevel newLevel, String justification,
                       String changedBy, Instant at) {
        this.id = Ids.newId();
        this.partyKind = party.kind();
        this.partyId = party.id();
        this.oldLevel = oldLevel;
        this.newLevel = newLevel;
        this.justification = justification;
        this.changedBy = changedBy;
        this.changedAt = at.toEpochMilli();
    }

    public PartyRef party() {
        return new PartyRef(partyKind, partyId);
    }

    public TrustLevel oldLevel() {
        return oldLevel;
    }

    public TrustLevel newLevel() {
        return newLevel;
    }

    public String justification() {
        return justification;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return Instant.ofEpochMilli(changedAt);
    }
}
