package org.domicile.api.console;

import java.time.Instant;
import org.domicile.trust.domain.TrustChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded trust-level change: which party, old and new level, why, by whom and when. */
@Schema(name = "TrustChangeJson", description = "A recorded change of a party's trust level.")
public record TrustChangeJson(String party, String oldLevel, String newLevel, String justification,
                              String changedBy, Instant changedAt) {

    static TrustChangeJson of(TrustChange change) {
        return new TrustChangeJson(change.party().toString(), change.oldLevel().name(), change.newLevel().name(),
                change.justification(), change.changedBy(), change.changedAt());
    }
}
