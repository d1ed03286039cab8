package org.domicile.api.archive;

import java.time.Instant;
import java.util.List;
import org.domicile.archive.application.ArchiveEntry;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One correspondence in the archive; subject null while hidden. */
@Schema(name = "ArchiveJson", description = "A sent or received correspondence in the office's archive.")
public record ArchiveJson(String id, @Schema(description = "SENT or RECEIVED") String direction,
                          List<String> counterparts, String subject, String kind, String status,
                          @Schema(type = SchemaType.STRING, format = "date-time") Instant date,
                          @Schema(type = SchemaType.STRING, format = "date-time") Instant archivedAt,
                          @Schema(type = SchemaType.STRING, format = "date-time") Instant retainUntil) {

    static ArchiveJson of(ArchiveEntry e) {
        return new ArchiveJson(e.id(), e.direction(), e.counterparts(), e.subject().orElse(null), e.kind().name(),
                e.status(), e.date(), e.archivedAt().orElse(null), e.retainUntil().orElse(null));
    }
}
