package org.domicile.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.domicile.certification.secret.SecretForm;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.platform.Ids;

/**
 * A session opening in progress: its identifier is the session identifier the secret is bound
 * to. It holds only the check form of the secret, never the code (SECURITY-BASELINE 5), and it
 * enforces expiry (rule 2), single use (rule 3) and the per-code attempt limit (rule 6).
 */
@Entity
@Table(name = "challenge")
public class Challenge {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    @Column(name = "bound_digest")
    private String boundDigest;
    @Enumerated(EnumType.STRING)
    @Column(name = "required_level")
    private TrustLevel requiredLevel;
    private String counterparts;
    @Column(name = "secret_form")
    private String secretForm;
    @Column(name = "decision_id")
    private String decisionId;
    @Column(name = "issued_at")
    private long issuedAt;
    @Column(name = "expires_at")
    private long expiresAt;
    @Column(name = "last_sent_at")
    private long lastSentAt;
    private int attempts;
    @Enumerated(EnumType.STRING)
    private ChallengeStatus status;
    @Version
    private long version;

    protected Challenge() {
    }

    public Challenge(String accountId, Purpose purpose, String boundDigest, TrustLevel requiredLevel,
                     String counterparts, String decisionId, Instant now, Duration ttl) {
        this.id = Ids.newId();
        this.accountId = accountId;
        this.purpose = purpose;
        this.boundDigest = boundDigest;
        this.requiredLevel = requiredLevel;
        this.counterparts = counterparts.length() > 2000 ? counterparts.substring(0, 2000) : counterparts;
        this.decisionId = decisionId;
        this.issuedAt = now.toEpochMilli();
        this.expiresAt = now.plus(ttl).toEpochMilli();
        this.lastSentAt = issuedAt;
        this.status = ChallengeStatus.PENDING;
    }

    /** Stores the check form of the secret just sent. */
    public void holdSecret(SecretForm form) {
        this.secretForm = form.encode();
    }

    /** A new secret replaces the old one: the old code stops working (rule 3) and gets a fresh try budget. */
    public void resent(SecretForm form, Instant now, Duration ttl) {
        requirePending();
        this.secretForm = form.encode();
        this.lastSentAt = now.toEpochMilli();
        this.expiresAt = now.plus(ttl).toEpochMilli();
        this.attempts = 0;
    }

    /** Marks the challenge expired if its time is up; true when it is (or already was) over. */
    public boolean expireIfDue(Instant now) {
        if (status == ChallengeStatus.PENDING && now.toEpochMilli() > expiresAt) {
            status = ChallengeStatus.EXPIRED;
        }
        return status == ChallengeStatus.EXPIRED;
    }

    /** Counts a wrong code; returns the tries left, and fails the challenge when none are. */
    public int wrongCode(int maxAttempts) {
        requirePending();
        attempts++;
        if (attempts >= maxAttempts) {
            status = ChallengeStatus.FAILED;
        }
        return Math.max(0, maxAttempts - attempts);
    }

    /** The right code: the challenge is used up. */
    public void opened() {
        requirePending();
        status = ChallengeStatus.OPENED;
    }

    /** Ends a challenge that can no longer succeed (account failure limit reached). */
    public void fail() {
        if (status == ChallengeStatus.PENDING) {
            status = ChallengeStatus.FAILED;
        }
    }

    private void requirePending() {
        if (status != ChallengeStatus.PENDING) {
            throw new IllegalStateException("challenge is " + status);
        }
    }

    public Instant resendAllowedAt(Duration cooldown) {
        return Instant.ofEpochMilli(lastSentAt).plus(cooldown);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String boundDigest() {
        return boundDigest;
    }

    public TrustLevel requiredLevel() {
        return requiredLevel;
    }

    public String counterparts() {
        return counterparts;
    }

    public SecretForm secretForm() {
        return SecretForm.decode(secretForm);
    }

    public String decisionId() {
        return decisionId;
    }

    public Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    public int attempts() {
        return attempts;
    }

    public ChallengeStatus status() {
        return status;
    }
}
