package org.domicile.trust.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Base64;
import java.util.stream.Collectors;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.SignedTrustDecision;

/** A signed trust decision as received, kept so that every session opening can be traced to it. */
@Entity
@Table(name = "trust_decision")
public class TrustDecisionRecord {
    @Id
    private String id;
    @jakarta.persistence.Column(name = "decided_at")
    private long decidedAt;
    private String purpose;
    private String required;
    private boolean granted;
    private String parties;
    private String shortfalls;
    private String signature;

    protected TrustDecisionRecord() {
    }

    public TrustDecisionRecord(SignedTrustDecision signed) {
        var d = signed.decision();
        this.id = d.decisionId();
        this.decidedAt = d.decidedAt().toEpochMilli();
        this.purpose = d.purpose();
        this.required = d.required().name();
        this.granted = d.granted();
        this.parties = cut(d.parties().stream().map(PartyRef::toString).collect(Collectors.joining(",")));
        this.shortfalls = cut(d.shortfalls().stream().map(s -> s.party() + "=" + s.actual())
                .collect(Collectors.joining(",")));
        this.signature = cut(Base64.getEncoder().encodeToString(signed.signature()));
    }

    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    public String id() {
        return id;
    }

    public boolean granted() {
        return granted;
    }
}
