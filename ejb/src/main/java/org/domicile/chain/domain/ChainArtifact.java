package org.domicile.chain.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What a step produced and the service keeps (the manifest, the seal, its time-stamp, the charge,
 * delivery, handover and archive records). Its digest is what the step's return must name.
 */
@Entity
@Table(name = "chain_artifact")
@IdClass(ChainArtifact.Key.class)
public class ChainArtifact {

    public static final String MANIFEST = "manifest";
    public static final String SEAL = "seal";
    public static final String SEAL_TIMESTAMP = "seal-timestamp";
    public static final String CHARGE = "charge";
    public static final String DELIVERY = "delivery";
    public static final String HANDOVER = "handover";
    public static final String ARCHIVE = "archive";

    /** Composite key: correspondence and name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String correspondenceId;
        String name;

        public Key() {
        }

        public Key(String correspondenceId, String name) {
            this.correspondenceId = correspondenceId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.correspondenceId.equals(correspondenceId) && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(correspondenceId, name);
        }
    }

    @Id
    @Column(name = "correspondence_id")
    private String correspondenceId;
    @Id
    private String name;
    private String digest;
    private byte[] bytes;
    @Column(name = "created_at")
    private long createdAt;

    protected ChainArtifact() {
    }

    public ChainArtifact(String correspondenceId, String name, String digest, byte[] bytes, Instant now) {
        this.correspondenceId = correspondenceId;
        this.name = name;
        this.digest = digest;
        this.bytes = bytes.clone();
        this.createdAt = now.toEpochMilli();
    }

    public String name() {
        return name;
    }

    public String digest() {
        return digest;
    }

    public byte[] bytes() {
        return bytes.clone();
    }
}
