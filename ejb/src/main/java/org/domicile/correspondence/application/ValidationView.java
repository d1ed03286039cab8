package org.domicile.correspondence.application;

import java.time.Instant;
import java.util.List;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.correspondence.domain.CorrespondenceKind;

/**
 * Exactly what will be sealed (SPEC §3: the sender validates the content and sees its hash):
 * every part with its size and SHA-256, the content digest the SMS code will be bound to, the
 * kind and the level it requires, and whether each party reaches that level today.
 *
 * @param parts            the text as "message.txt", then each attachment, in manifest order
 * @param contentDigest    SHA-256 (lower-case hex) of the canonical manifest ({@code ContentManifest})
 * @param sender           the sender's own level against the requirement
 * @param recipients       each recipient, in the order chosen, against the requirement
 */
public record ValidationView(String correspondenceId, CorrespondenceKind kind, String kindLabel,
                             TrustLevel requiredLevel, boolean hidesSenderAndSubjectUntilAcceptance, String subject,
                             List<Part> parts, String contentDigest, LevelCheck sender, List<LevelCheck> recipients,
                             Instant validatedAt) {

    /** One sealed part. */
    public record Part(String name, String mediaType, long size, String sha256) {
    }

    /**
     * A party against the required level: {@code explanation} says it in words, e.g.
     * "needs level SUBSTANTIAL, has LOW".
     */
    public record LevelCheck(String key, String displayName, TrustLevel level, boolean reachesLevel,
                             String explanation) {
    }

    /** Whether the session can be opened as far as levels known here go (the certification server decides). */
    public boolean ready() {
        return sender.reachesLevel() && recipients.stream().allMatch(LevelCheck::reachesLevel);
    }
}
