package org.domicile.certification.trust;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A request to decide whether all listed parties reach a trust level, for a stated purpose.
 *
 * @param required the level every party must reach
 * @param parties  the parties, non-empty; duplicates are removed, first occurrence kept; immutable
 * @param purpose  a short label such as {@code "office-login"} or {@code "correspondence"}
 */
public record TrustQuery(TrustLevel required, List<PartyRef> parties, String purpose) {

    public TrustQuery {
        if (required == null) {
            throw new IllegalArgumentException("required trust level must not be null");
        }
        if (parties == null || parties.isEmpty()) {
            throw new IllegalArgumentException("a trust query needs at least one party");
        }
        // Not contains(null): immutable lists throw on it.
        if (parties.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a trust query must not list a null party");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a trust query needs a purpose label");
        }
        parties = List.copyOf(new LinkedHashSet<>(parties));
    }

    /** Convenience for a query about a single party. */
    public static TrustQuery of(TrustLevel required, String purpose, PartyRef... parties) {
        if (parties == null) {
            throw new IllegalArgumentException("a trust query needs at least one party");
        }
        return new TrustQuery(required, Arrays.asList(parties), purpose);
    }
}
