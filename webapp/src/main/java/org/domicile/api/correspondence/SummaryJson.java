package org.domicile.api.correspondence;

import java.time.Instant;
import org.domicile.correspondence.domain.CorrespondenceSummary;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One correspondence in a list, or its state alone: enough to choose or follow it, without text or files. */
@Schema(name = "CorrespondenceSummaryJson",
        description = "One correspondence in a list, or its state: status and counts, no text or files.")
public record SummaryJson(String id, String kind, String subject, String status, int recipients, int attachments,
                          @Schema(type = SchemaType.STRING, format = "date-time") Instant updatedAt) {
    static SummaryJson of(CorrespondenceSummary s) {
        return new SummaryJson(s.id().value(), s.kind().name(), s.subject(), s.status().name(), s.recipients(),
                s.attachments(), s.updatedAt());
    }
}
