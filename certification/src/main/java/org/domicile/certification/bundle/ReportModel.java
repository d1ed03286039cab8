package org.domicile.certification.bundle;

import java.time.Instant;
import java.util.List;

/**
 * What the plain-language PDF report of a correspondence shows, as plain values.
 *
 * @param correspondenceId the correspondence identifier
 * @param kind             the kind of correspondence, e.g. "registered letter"
 * @param requiredLevel    the assurance level the kind requires (LOW, SUBSTANTIAL, HIGH)
 * @param subject          the subject, or "" while it is hidden (before acceptance)
 * @param sender           the sender
 * @param recipients       the recipients
 * @param contentParts     every content part with its SHA-256
 * @param events           the evidence events in order
 * @param steps            the certified processing steps in chain order
 */
public record ReportModel(String correspondenceId, String kind, String requiredLevel, String subject,
                          Party sender, List<Party> recipients, List<ContentPart> contentParts,
                          List<Event> events, List<Step> steps) {

    /** A party and how it was identified: its assurance level and its authentication method. */
    public record Party(String name, String level, String authMethod) {
        public Party {
            name = orEmpty(name);
            level = orEmpty(level);
            authMethod = orEmpty(authMethod);
        }
    }

    /** A content part (message text or attachment) and the lowercase hex SHA-256 of its bytes. */
    public record ContentPart(String name, String sha256) {
        public ContentPart {
            name = orEmpty(name);
            sha256 = orEmpty(sha256);
        }
    }

    /**
     * An evidence event: when (UTC), its ETSI EN 319 522 name, and for negative events the reason ("" if none).
     */
    public record Event(Instant time, String event, String reason) {
        public Event {
            if (time == null) {
                throw new IllegalArgumentException("event time must not be null");
            }
            event = orEmpty(event);
            reason = orEmpty(reason);
        }
    }

    /** A certified processing step: which step, which operator, when its return was countersigned. */
    public record Step(String step, String operator, Instant countersignedAt) {
        public Step {
            if (countersignedAt == null) {
                throw new IllegalArgumentException("countersignature time must not be null");
            }
            step = orEmpty(step);
            operator = orEmpty(operator);
        }
    }

    public ReportModel {
        correspondenceId = orEmpty(correspondenceId);
        kind = orEmpty(kind);
        requiredLevel = orEmpty(requiredLevel);
        subject = orEmpty(subject);
        if (sender == null) {
            sender = new Party("", "", "");
        }
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        contentParts = contentParts == null ? List.of() : List.copyOf(contentParts);
        events = events == null ? List.of() : List.copyOf(events);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
