package org.domicile.api.correspondence;

import java.time.Instant;
import java.util.List;
import org.domicile.correspondence.application.CorrespondenceView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correspondence as its sender sees it. {@code validatedDigest} and {@code submittedAt} are left out when absent. */
@Schema(name = "CorrespondenceJson", description = "A correspondence of the office, draft or sent.")
public record CorrespondenceJson(String id,
                                 @Schema(description = "SIMPLE, REGISTERED or REGISTERED_WITH_ACKNOWLEDGEMENT") String kind,
                                 String requiredLevel, String subject, String text, List<RecipientJson> recipients,
                                 List<AttachmentJson> attachments,
                                 @Schema(description = "DRAFT, VALIDATED, SUBMITTED, PROCESSING, DELIVERED, ARCHIVED or STOPPED") String status,
                                 @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                                 @Schema(type = SchemaType.STRING, format = "date-time") Instant updatedAt,
                                 String validatedDigest,
                                 @Schema(type = SchemaType.STRING, format = "date-time") Instant submittedAt,
                                 @Schema(description = "Why the processing chain stopped, if it did") String stopReason) {

    static CorrespondenceJson of(CorrespondenceView v) {
        return new CorrespondenceJson(v.id(), v.kind().name(), v.requiredLevel().name(), v.subject(), v.text(),
                v.recipients().stream().map(RecipientJson::of).toList(),
                v.attachments().stream().map(AttachmentJson::of).toList(), v.status().name(), v.createdAt(),
                v.updatedAt(), v.validatedDigest().orElse(null), v.submittedAt().orElse(null),
                v.stopReason().orElse(null));
    }

    @Override
    public String toString() {
        return "CorrespondenceJson[" + id + ", " + kind + ", " + status + "]";
    }
}
