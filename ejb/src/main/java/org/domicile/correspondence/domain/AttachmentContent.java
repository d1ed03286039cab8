package org.domicile.correspondence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of one attachment, stored apart from its description and read only when someone
 * downloads it (or the chain seals it). Stored as uploaded; encryption at rest comes with the
 * PROTECT step of the processing chain.
 */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent {
    @Id
    @Column(name = "attachment_id")
    private String attachmentId;
    private byte[] content;

    protected AttachmentContent() {
    }

    public AttachmentContent(Attachment attachment, byte[] content) {
        this.attachmentId = attachment.id();
        this.content = content;
    }

    public String attachmentId() {
        return attachmentId;
    }

    /** The bytes (not a copy: they can be megabytes; callers must not change them). */
    public byte[] bytes() {
        return content;
    }
}
