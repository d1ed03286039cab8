package org.domicile.certification.trust;

import java.util.Optional;

/**
 * Where the certification server reads the current trust level of a party (implemented elsewhere, e.g.
 * on a database). Implementations may throw any {@link RuntimeException} when the attributes are
 * unavailable; the {@link TrustAuthority} then refuses.
 */
public interface TrustAttributeSource {

    /** The party's current level, or empty if the party is unknown. */
    Optional<TrustLevel> levelOf(PartyRef party);
}
