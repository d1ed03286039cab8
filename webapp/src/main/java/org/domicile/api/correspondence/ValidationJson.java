package org.domicile.api.correspondence;

import java.time.Instant;
import java.util.List;
import org.domicile.correspondence.application.ValidationView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Exactly what will be sealed: each part with size and SHA-256, the content digest and each party's level. */
@Schema(name = "ValidationJson", description = "What will be sealed (message.txt, then each file) and whether "
        + "every party reaches the level the kind requires.")
public record ValidationJson(String correspondenceId, String kind, String kindLabel, String requiredLevel,
                             boolean hidesSenderAndSubjectUntilAcceptance, String subject, List<Part> parts,
                             @Schema(description = "SHA-256 (lower-case hex) of the content manifest") String contentDigest,
                             LevelCheck sender, List<LevelCheck> recipients, boolean ready,
                             @Schema(type = SchemaType.STRING, format = "date-time") Instant validatedAt) {

    /** One sealed part. */
    @Schema(name = "ValidationPartJson")
    public record Part(String name, String mediaType, long size, String sha256) {
    }

    /** A party against the required level. */
    @Schema(name = "LevelCheckJson")
    public record LevelCheck(String key, String displayName, String level, boolean reachesLevel, String explanation) {
        static LevelCheck of(ValidationView.LevelCheck c) {
            return new LevelCheck(c.key(), c.displayName(), c.level().name(), c.reachesLevel(), c.explanation());
        }
    }

    static ValidationJson of(ValidationView v) {
        return new ValidationJson(v.correspondenceId(), v.kind().name(), v.kindLabel(), v.requiredLevel().name(),
                v.hidesSenderAndSubjectUntilAcceptance(), v.subject(),
                v.parts().stream().map(p -> new Part(p.name(), p.mediaType(), p.size(), p.sha256())).toList(),
                v.contentDigest(), LevelCheck.of(v.sender()), v.recipients().stream().map(LevelCheck::of).toList(),
                v.ready(), v.validatedAt());
    }
}
