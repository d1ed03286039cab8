package org.domicile.correspondence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The content of a correspondence once protected (PROTECT step): every part in one package,
 * AES-256-GCM encrypted, the content key wrapped for each recipient and the sender. From then on
 * the plain text and files are no longer stored.
 */
@Entity
@Table(name = "protected_content")
public class SealedContent {
    @Id
    @Column(name = "correspondence_id")
    private String correspondenceId;
    private byte[] bytes;
    @Column(name = "created_at")
    private long createdAt;

    protected SealedContent() {
    }

    public SealedContent(CorrespondenceId id, byte[] bytes, Instant now) {
        this.correspondenceId = id.value();
        this.bytes = bytes.clone();
        this.createdAt = now.toEpochMilli();
    }

    /** The encoded protected content (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }
}
