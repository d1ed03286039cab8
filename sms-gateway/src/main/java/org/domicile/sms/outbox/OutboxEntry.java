package org.domicile.sms.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.domicile.sms.PhoneMask;

/**
 * One message written to the outbox, as the simulated phone page shows it.
 * {@link #toString()} masks the number and hides the body (it carries one-time codes).
 *
 * @param id        the receipt's provider id, {@code outbox-...}
 * @param at        when it was written
 * @param to        recipient, E.164
 * @param body      text of the message
 * @param reference the sender's correlation id
 */
public record OutboxEntry(String id, Instant at, String to, String body, String reference) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(reference, "reference");
    }

    /** One JSON object on one line, without the line break. */
    String toJsonLine() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("at", at.toString());
        fields.put("to", to);
        fields.put("body", body);
        fields.put("reference", reference);
        return FlatJson.write(fields);
    }

    /**
     * Reads a line written by {@link #toJsonLine()}.
     *
     * @return the entry, or null if the line is not a complete entry (torn write, hand edit)
     */
    static OutboxEntry fromJsonLine(String line) {
        Map<String, String> fields = FlatJson.parse(line);
        if (fields == null) {
            return null;
        }
        String id = fields.get("id");
        String at = fields.get("at");
        String to = fields.get("to");
        String body = fields.get("body");
        String reference = fields.get("reference");
        if (id == null || at == null || to == null || body == null || reference == null) {
            return null;
        }
        try {
            return new OutboxEntry(id, Instant.parse(at), to, body, reference);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "OutboxEntry[id=" + id + ", at=" + at + ", to=" + PhoneMask.mask(to) + ", body=<" + body.length()
                + " chars hidden>, reference=" + reference + "]";
    }
}
