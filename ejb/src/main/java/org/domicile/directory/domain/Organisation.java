package org.domicile.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.platform.Ids;

/** A legal person in the directory. Registered by the certification operator, at level LOW until proven. */
@Entity
@Table(name = "organisation")
public class Organisation {
    @Id
    private String id;
    private String name;
    private String email;
    @Enumerated(EnumType.STRING)
    @Column(name = "trust_level")
    private TrustLevel trustLevel;
    @Column(name = "created_at")
    private long createdAt;
    @Version
    private long version;

    protected Organisation() {
    }

    public Organisation(String name, String email, Instant now) {
        this.id = Ids.newId();
        this.name = name;
        this.email = email;
        this.trustLevel = TrustLevel.LOW;
        this.createdAt = now.toEpochMilli();
    }

    public void changeTrustLevel(TrustLevel level) {
        this.trustLevel = level;
    }

    public PartyRef party() {
        return new PartyRef(PartyKind.ORGANISATION, id);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public TrustLevel trustLevel() {
        return trustLevel;
    }
}
