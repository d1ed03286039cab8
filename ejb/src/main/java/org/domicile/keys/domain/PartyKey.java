package org.domicile.keys.domain;

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

/** One key pair of a user: its certificate (DER) and its private key wrapped by the master key. */
@Entity
@Table(name = "party_key")
@IdClass(PartyKey.Key.class)
public class PartyKey {

    /** Composite key: account and use. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String accountId;
        KeyUse purpose;

        public Key() {
        }

        public Key(String accountId, KeyUse purpose) {
            this.accountId = accountId;
            this.purpose = purpose;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.accountId.equals(accountId) && k.purpose == purpose;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, purpose);
        }
    }

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Id
    @Enumerated(EnumType.STRING)
    private KeyUse purpose;
    private byte[] certificate;
    @Column(name = "wrapped_key")
    private byte[] wrappedKey;
    @Column(name = "created_at")
    private long createdAt;

    protected PartyKey() {
    }

    public PartyKey(String accountId, KeyUse purpose, byte[] certificate, byte[] wrappedKey, Instant now) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.certificate = certificate.clone();
        this.wrappedKey = wrappedKey.clone();
        this.createdAt = now.toEpochMilli();
    }

    public String accountId() {
        return accountId;
    }

    public KeyUse purpose() {
        return purpose;
    }

    public byte[] certificate() {
        return certificate.clone();
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }
}
