package org.domicile.correspondence.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.CorrespondenceStatus;

/**
 * A correspondence as its sender sees it in his office. {@code validatedDigest} is present while a
 * validation holds; {@code submittedAt} once it is sent. The text is left out of {@link #toString()}.
 */
public record CorrespondenceView(String id, CorrespondenceKind kind, TrustLevel requiredLevel, String subject,
                                 String text, List<RecipientView> recipients, List<AttachmentView> attachments,
                                 CorrespondenceStatus status, Instant createdAt, Instant updatedAt,
                                 Optional<String> validatedDigest, Optional<Instant> submittedAt,
                                 Optional<String> stopReason) {
    @Override
    public String toString() {
        return "CorrespondenceView[" + id + ", " + kind + ", " + status + "]";
    }
}
