package org.domicile.operators.domain;

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

/**
 * A server that performs one processing step. Its certificate (PEM) is public and kept here;
 * its private key is in the key store, never in the database (SECURITY-BASELINE 19).
 */
@Entity
@Table(name = "processing_operator")
public class ProcessingOperator {
    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private ProcessingStep step;
    @Column(name = "display_name")
    private String displayName;
    @Enumerated(EnumType.STRING)
    @Column(name = "trust_level")
    private TrustLevel trustLevel;
    private String certificate;
    private String specification;
    @Column(name = "created_at")
    private long createdAt;
    @Version
    private long version;

    protected ProcessingOperator() {
    }

    public ProcessingOperator(ProcessingStep step, String displayName, TrustLevel level, String certificatePem,
                              Instant now) {
        this.id = step.operatorId();
        this.step = step;
        this.displayName = displayName;
        this.trustLevel = level;
        this.certificate = certificatePem;
        this.specification = specificationOf(step);
        this.createdAt = now.toEpochMilli();
    }

    /** The specification the certification server checks returns against: step, algorithms, deadline. */
    static String specificationOf(ProcessingStep step) {
        return "{\"step\":\"" + step.name() + "\",\"algorithms\":[\""
                + String.join("\",\"", step.algorithms()) + "\"],\"deadlineSeconds\":"
                + step.deadline().toSeconds() + "}";
    }

    public void changeTrustLevel(TrustLevel level) {
        this.trustLevel = level;
    }

    public PartyRef party() {
        return new PartyRef(PartyKind.OPERATOR, id);
    }

    public String id() {
        return id;
    }

    public ProcessingStep step() {
        return step;
    }

    public String displayName() {
        return displayName;
    }

    public TrustLevel trustLevel() {
        return trustLevel;
    }

    public String certificatePem() {
        return certificate;
    }

    public String specification() {
        return specification;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
