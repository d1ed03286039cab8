package org.domicile.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.domicile.platform.Ids;

/**
 * An open session between a user and his private office, known to the server (so that logout,
 * timeouts and a lowered trust level end it at once, on every instance: SECURITY-BASELINE 14).
 * Only the SHA-256 of its token is stored: a copy of the database opens no session.
 */
@Entity
@Table(name = "office_session")
public class OfficeSession {
    /** last_seen_at is written at most this often, not on every request. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    @Id
    private String id;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "opened_at")
    private long openedAt;
    @Column(name = "last_seen_at")
    private long lastSeenAt;
    @Column(name = "ended_at")
    private Long endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;
    /**
     * Not a JPA version: a session's writes only move forward (last seen, ended), and several
     * requests of one session may touch it at once; optimistic locking would fail all but one.
     */
    private long version;

    protected OfficeSession() {
    }

    public OfficeSession(String tokenHash, String accountId, Instant now) {
        this.id = Ids.newId();
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.openedAt = now.toEpochMilli();
        this.lastSeenAt = openedAt;
    }

    /**
     * Checks the timeouts at {@code now} (SECURITY-BASELINE 13); ends the session if one is due.
     * Returns the reason it is over, or empty while it is alive.
     */
    public Optional<EndReason> checkAlive(Instant now, Duration idle, Duration absolute) {
        if (endedAt == null) {
            if (now.isAfter(Instant.ofEpochMilli(openedAt).plus(absolute))) {
                end(EndReason.ABSOLUTE_TIMEOUT, now);
            } else if (now.isAfter(Instant.ofEpochMilli(lastSeenAt).plus(idle))) {
                end(EndReason.IDLE_TIMEOUT, now);
            }
        }
        return Optional.ofNullable(endReason);
    }

    /** Notes activity; true if the stored time changed (the write is skipped within 30 s). */
    public boolean touch(Instant now) {
        if (now.toEpochMilli() - lastSeenAt >= TOUCH_GRANULARITY.toMillis()) {
            lastSeenAt = now.toEpochMilli();
            return true;
        }
        return false;
    }

    public void end(EndReason reason, Instant now) {
        if (endedAt == null) {
            endedAt = now.toEpochMilli();
            endReason = reason;
        }
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Instant openedAt() {
        return Instant.ofEpochMilli(openedAt);
    }

    public Optional<EndReason> endReason() {
        return Optional.ofNullable(endReason);
    }
}
