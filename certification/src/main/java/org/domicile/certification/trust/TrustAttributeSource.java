package org.domicile.certification.trust;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the certification server reads the current trust level of a party (implemented elsewhere, e.g.
 * on a database). Implementations may throw any {@link RuntimeException} when the attributes are
 * unavailable; the {@link TrustAuthority} then refuses.
 */
public interface TrustAttributeSource {

    /** The party's current level, or empty if the party is unknown. */
    Optional<TrustLevel> levelOf(PartyRef party);

    /**
     * The current levels of several parties, read together (a source on a database answers a decision
     * over a dozen parties in a query or two); a party missing from the answer is unknown. By default,
     * one {@link #levelOf} per party.
     *
     * @throws IllegalStateException if {@link #levelOf} answers null for a party
     */
    default Map<PartyRef, TrustLevel> levelsOf(List<PartyRef> parties) {
        Map<PartyRef, TrustLevel> levels = new HashMap<>();
        for (PartyRef party : parties) {
            Optional<TrustLevel> level = levelOf(party);
            if (level == null) {
                throw new IllegalStateException("the trust attribute source answered null");
            }
            level.ifPresent(l -> levels.put(party, l));
        }
        return levels;
    }
}
