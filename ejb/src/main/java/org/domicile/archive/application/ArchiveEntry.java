package org.domicile.archive.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.domicile.correspondence.domain.CorrespondenceKind;

/**
 * One correspondence in an office's archive.
 *
 * @param direction    SENT or RECEIVED
 * @param counterparts the recipients (sent) or the sender (received; empty while hidden)
 * @param subject      empty while hidden from the recipient
 * @param status       the correspondence's status (sent) or the recipient's answer (received)
 * @param date         when it was submitted (sent) or delivered (received)
 */
public record ArchiveEntry(String id, String direction, List<String> counterparts, Optional<String> subject,
                           CorrespondenceKind kind, String status, Instant date, Optional<Instant> archivedAt,
                           Optional<Instant> retainUntil) {
}
