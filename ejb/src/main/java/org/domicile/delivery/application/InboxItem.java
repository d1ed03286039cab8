package org.domicile.delivery.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.delivery.domain.DeliveryStatus;

/**
 * A correspondence as its recipient sees it. Sender and subject are empty while the kind hides
 * them and he has not accepted; text and files only once he has accepted.
 */
public record InboxItem(String id, CorrespondenceKind kind, TrustLevel requiredLevel, DeliveryStatus status,
                        Instant deliveredAt, Instant deadline, Optional<Instant> answeredAt,
                        Optional<String> sender, Optional<String> subject, Optional<String> text,
                        List<Part> parts) {

    /** One released part (text first as "message.txt", then the files). */
    public record Part(String name, String mediaType, long size, String sha256) {
    }

    @Override
    public String toString() {
        return "InboxItem[" + id + ", " + kind + ", " + status + "]";
    }
}
