package org.domicile.certification.trust;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The certification server's answer to a {@link TrustQuery}: granted, or refused with the parties that
 * fell short (or with no shortfall when the trust attributes could not be read).
 *
 * @param decisionId random identifier of this decision
 * @param decidedAt  when it was decided
 * @param required   the level that was required
 * @param purpose    the purpose label of the query
 * @param parties    the parties assessed (immutable)
 * @param granted    true iff every party reaches {@code required}
 * @param shortfalls the parties below {@code required} (immutable; empty when granted)
 * @param reason     null when granted, otherwise why it was refused
 */
public record TrustDecision(String decisionId, Instant decidedAt, TrustLevel required, String purpose,
                            List<PartyRef> parties, boolean granted, List<Shortfall> shortfalls, String reason) {

    /** Reason of a refusal because at least one party is below the required level. */
    public static final String REASON_BELOW_REQUIRED = "party below required level";

    /** Reason of a refusal because the trust attributes could not be read (fail closed). */
    public static final String REASON_UNAVAILABLE = "trust attributes unavailable";

    // Domain separation: these bytes can never be mistaken for another kind of signed document.
    private static final String FORMAT = "domicile/trust-decision/v1";

    public TrustDecision {
        if (decisionId == null || decisionId.isBlank()) {
            throw new IllegalArgumentException("decision id must not be null or blank");
        }
        if (decidedAt == null || required == null) {
            throw new IllegalArgumentException("decision time and required level must not be null");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("decision purpose must not be null or blank");
        }
        if (parties == null || parties.isEmpty() || parties.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a decision must name at least one party and no null party");
        }
        if (shortfalls == null || shortfalls.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("shortfalls must be a list without null elements");
        }
        parties = List.copyOf(parties);
        shortfalls = List.copyOf(shortfalls);
        for (Shortfall shortfall : shortfalls) {
            if (!parties.contains(shortfall.party()) || shortfall.required() != required) {
                throw new IllegalArgumentException("a shortfall must concern an assessed party and the required level");
            }
        }
        if (granted && (!shortfalls.isEmpty() || reason != null)) {
            throw new IllegalArgumentException("a granted decision has neither shortfalls nor a reason");
        }
        if (!granted && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a refused decision must state a reason");
        }
    }

    /**
     * The deterministic, unambiguous encoding of every field: this is what is signed. Strings are UTF-8
     * prefixed by their 4-byte big-endian length, lists by their element count, the time as epoch
     * seconds (8 bytes) and nanoseconds (4 bytes), booleans as one byte.
     */
    public byte[] canonicalBytes() {
        CanonicalWriter out = new CanonicalWriter()
                .text(FORMAT)
                .text(decisionId)
                .longInteger(decidedAt.getEpochSecond())
                .integer(decidedAt.getNano())
                .text(required.name())
                .text(purpose)
                .integer(parties.size());
        for (PartyRef party : parties) {
            out.text(party.kind().name()).text(party.id());
        }
        out.flag(granted).integer(shortfalls.size());
        for (Shortfall shortfall : shortfalls) {
            out.text(shortfall.party().kind().name())
                    .text(shortfall.party().id())
                    .text(shortfall.actual().name())
                    .text(shortfall.required().name());
        }
        out.flag(reason != null);
        if (reason != null) {
            out.text(reason);
        }
        return out.toByteArray();
    }
}
