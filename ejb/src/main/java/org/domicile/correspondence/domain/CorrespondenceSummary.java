package org.domicile.correspondence.domain;

import java.time.Instant;

/** One line of a list of correspondence: enough to choose it, without its text or files. */
public record CorrespondenceSummary(CorrespondenceId id, CorrespondenceKind kind, String subject,
                                    CorrespondenceStatus status, int recipients, int attachments, Instant updatedAt) {
}
