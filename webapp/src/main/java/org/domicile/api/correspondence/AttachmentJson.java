package org.domicile.api.correspondence;

import java.time.Instant;
import org.domicile.correspondence.application.AttachmentView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attached file: type as found in its content, size in bytes, SHA-256 in lower-case hex. */
@Schema(name = "AttachmentJson", description = "An attached file; its type is found in its bytes.")
public record AttachmentJson(String id, String fileName, String mediaType, long size, String sha256,
                             @Schema(type = SchemaType.STRING, format = "date-time") Instant addedAt) {
    static AttachmentJson of(AttachmentView v) {
        return new AttachmentJson(v.id(), v.fileName(), v.mediaType(), v.size(), v.sha256(), v.addedAt());
    }
}
