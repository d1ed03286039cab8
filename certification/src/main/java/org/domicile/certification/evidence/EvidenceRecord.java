package org.domicile.certification.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.domicile.certification.cms.json.CanonicalJson;
import org.domicile.certification.cms.json.JsonFields;
import org.domicile.certification.cms.json.Values;
import org.domicile.certification.trust.TrustLevel;

/**
 * One evidence record (SPEC section 4); its canonical JSON ({@link #toJson()}) is what is signed.
 *
 * @param evidenceId     unique id of this record
 * @param event          the ETSI EN 319 522 event
 * @param eventTime      when the event happened (kept to milliseconds)
 * @param issuer         key id of the issuer, e.g. "certification-server"
 * @param messageId      id of the correspondence
 * @param sender         sender's party id
 * @param recipients     recipients' party ids, at least one, in the given order
 * @param contentDigests name of each content part to its hex SHA-256; kept sorted by name; may be empty
 * @param assurance      assurance level and authentication method of each party, in the given order
 * @param reason         why, for a negative event (mandatory then); "" for any other event
 */
public record EvidenceRecord(String evidenceId, EvidenceEvent event, Instant eventTime, String issuer,
                             String messageId, String sender, List<String> recipients,
                             Map<String, String> contentDigests, List<PartyAssurance> assurance,
                             String reason) {

    /** The only format version, written as "version": 1. */
    public static final int VERSION = 1;

    /** Longest reason accepted. */
    public static final int MAX_REASON = 2000;

    private static final String WHAT = "evidence";

    public EvidenceRecord {
        Values.identifier(evidenceId, "evidenceId");
        if (event == null) {
            throw new IllegalArgumentException("evidence event must not be null");
        }
        if (eventTime == null) {
            throw new IllegalArgumentException("evidence eventTime must not be null");
        }
        eventTime = eventTime.truncatedTo(ChronoUnit.MILLIS);
        Values.identifier(issuer, "evidence issuer");
        Values.identifier(messageId, "evidence messageId");
        Values.identifier(sender, "evidence sender");
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("evidence must name at least one recipient");
        }
        for (String recipient : recipients) {
            Values.identifier(recipient, "evidence recipient");
        }
        recipients = List.copyOf(recipients);
        if (contentDigests == null) {
            throw new IllegalArgumentException("evidence contentDigests must not be null (use an empty map)");
        }
        TreeMap<String, String> digests = new TreeMap<>();
        for (Map.Entry<String, String> entry : contentDigests.entrySet()) {
            Values.identifier(entry.getKey(), "content part name");
            digests.put(entry.getKey(), Values.digest(entry.getValue(), "digest of content part " + entry.getKey()));
        }
        contentDigests = Collections.unmodifiableSortedMap(digests);
        if (assurance == null || assurance.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("evidence assurance must be a list without null elements");
        }
        assurance = List.copyOf(assurance);
        reason = reason == null ? "" : reason;
        if (event.negative() && reason.isBlank()) {
            throw new IllegalArgumentException("a " + event.etsiName() + " is a negative event: its reason is mandatory");
        }
        if (!event.negative() && !reason.isEmpty()) {
            throw new IllegalArgumentException("a " + event.etsiName() + " is not a negative event: reason must be \"\"");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("evidence reason must be at most " + MAX_REASON + " characters");
        }
    }

    /** The canonical JSON of this record (sorted keys, no whitespace, UTF-8). */
    public byte[] toJson() {
        List<Object> parties = new ArrayList<>(assurance.size());
        for (PartyAssurance party : assurance) {
            parties.add(party.toJsonObject());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("assurance", parties);
        json.put("contentDigests", contentDigests);
        json.put("event", event.etsiName());
        json.put("eventTime", CanonicalJson.instant(eventTime));
        json.put("evidenceId", evidenceId);
        json.put("issuer", issuer);
        json.put("messageId", messageId);
        json.put("reason", reason);
        json.put("recipients", recipients);
        json.put("sender", sender);
        json.put("version", VERSION);
        return CanonicalJson.write(json);
    }

    /**
     * Reads evidence JSON strictly: every field present with its type, no other field, version 1.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public static EvidenceRecord fromJson(byte[] json) {
        try {
            JsonFields fields = JsonFields.parse(json, WHAT);
            long version = fields.integer("version");
            if (version != VERSION) {
                throw new IllegalArgumentException(WHAT + ": unsupported version " + version);
            }
            List<PartyAssurance> assurance = new ArrayList<>();
            for (JsonFields party : fields.objects("assurance")) {
                assurance.add(new PartyAssurance(party.string("party"), level(party.string("level")),
                        party.string("authMethod")));
                party.end();
            }
            EvidenceRecord record = new EvidenceRecord(fields.string("evidenceId"),
                    EvidenceEvent.ofEtsiName(fields.string("event")), fields.instant("eventTime"),
                    fields.string("issuer"), fields.string("messageId"), fields.string("sender"),
                    fields.strings("recipients"), fields.stringMap("contentDigests"), assurance,
                    fields.string("reason"));
            fields.end();
            return record;
        } catch (IllegalArgumentException e) {
            // Every message names the document, so a caller can show it as is.
            throw String.valueOf(e.getMessage()).startsWith(WHAT) ? e
                    : new IllegalArgumentException(WHAT + ": " + e.getMessage(), e);
        }
    }

    private static TrustLevel level(String name) {
        for (TrustLevel level : TrustLevel.values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown assurance level '" + name + "'");
    }
}
