package org.domicile.correspondence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.domicile.platform.Ids;

/**
 * A file attached to a correspondence: its name, the type found in its content, its size and
 * SHA-256. The bytes live apart ({@link AttachmentContent}) so that listing a draft never loads them.
 * Never changes once added: a different file is a new attachment.
 */
@Entity
@Table(name = "attachment")
public class Attachment {
    @Id
    private String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "correspondence_id")
    private Correspondence correspondence;
    private int seq;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "media_type")
    private String mediaType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "added_at")
    private long addedAt;

    protected Attachment() {
    }

    Attachment(Correspondence correspondence, int seq, AttachmentName name, ContentType type, long size,
               String sha256, Instant now) {
        this.id = Ids.newId();
        this.correspondence = correspondence;
        this.seq = seq;
        this.fileName = name.value();
        this.mediaType = type.mediaType();
        this.sizeBytes = size;
        this.sha256 = sha256;
        this.addedAt = now.toEpochMilli();
    }

    ContentManifest.Part part() {
        return new ContentManifest.Part(fileName, sizeBytes, sha256);
    }

    public String id() {
        return id;
    }

    int seq() {
        return seq;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return sizeBytes;
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public String sha256() {
        return sha256;
    }

    public Instant addedAt() {
        return Instant.ofEpochMilli(addedAt);
    }
}
