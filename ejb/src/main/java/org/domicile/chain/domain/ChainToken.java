package org.domicile.chain.domain;

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
import org.domicile.certification.token.TokenKind;
import org.domicile.operators.domain.ProcessingStep;

/** One signed certification token of a correspondence, numbered in the order it was made. */
@Entity
@Table(name = "chain_token")
@IdClass(ChainToken.Key.class)
public class ChainToken {

    /** Composite key: correspondence and number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String correspondenceId;
        int seq;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.correspondenceId.equals(correspondenceId) && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(correspondenceId, seq);
        }
    }

    @Id
    @Column(name = "correspondence_id")
    private String correspondenceId;
    @Id
    private int seq;
    @Enumerated(EnumType.STRING)
    private ProcessingStep step;
    @Enumerated(EnumType.STRING)
    private TokenKind kind;
    @Column(name = "token_id")
    private String tokenId;
    private String digest;
    private byte[] bytes;
    @Column(name = "created_at")
    private long createdAt;

    protected ChainToken() {
    }

    public ChainToken(String correspondenceId, int seq, ProcessingStep step, TokenKind kind, String tokenId,
                      String digest, byte[] bytes, Instant now) {
        this.correspondenceId = correspondenceId;
        this.seq = seq;
        this.step = step;
        this.kind = kind;
        this.tokenId = tokenId;
        this.digest = digest;
        this.bytes = bytes.clone();
        this.createdAt = now.toEpochMilli();
    }

    public String correspondenceId() {
        return correspondenceId;
    }

    public int seq() {
        return seq;
    }

    public ProcessingStep step() {
        return step;
    }

    public TokenKind kind() {
        return kind;
    }

    public String tokenId() {
        return tokenId;
    }

    public String digest() {
        return digest;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
