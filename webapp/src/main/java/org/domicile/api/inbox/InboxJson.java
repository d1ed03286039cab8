package org.domicile.api.inbox;

import java.time.Instant;
import java.util.List;
import org.domicile.delivery.application.InboxItem;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A received correspondence; sender and subject are null while hidden, text and parts until accepted. */
@Schema(name = "InboxJson", description = "A correspondence in the recipient's office.")
public record InboxJson(String id, String kind, String requiredLevel,
                        @Schema(description = "WAITING, ACCEPTED, REFUSED or EXPIRED") String status,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant deliveredAt,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant deadline,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant answeredAt,
                        String sender, String subject, String text, List<PartJson> parts) {

    /** A released part. */
    @Schema(name = "InboxPartJson")
    public record PartJson(String name, String mediaType, long size, String sha256) {
    }

    static InboxJson of(InboxItem i) {
        return new InboxJson(i.id(), i.kind().name(), i.requiredLevel().name(), i.status().name(), i.deliveredAt(),
                i.deadline(), i.answeredAt().orElse(null), i.sender().orElse(null), i.subject().orElse(null),
                i.text().orElse(null),
                i.parts().stream().map(p -> new PartJson(p.name(), p.mediaType(), p.size(), p.sha256())).toList());
    }

    @Override
    public String toString() {
        return "InboxJson[" + id + ", " + status + "]";
    }
}
