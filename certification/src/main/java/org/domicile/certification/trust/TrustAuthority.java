package org.domicile.certification.trust;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;

/**
 * The certification server's decider: reads each party's trust level, decides whether all reach the
 * required level, and signs the decision. Fails closed: when the levels cannot be read the answer is a
 * signed refusal, never an exception and never a grant.
 *
 * <p>Thread-safe as long as the attribute source is.
 */
public final class TrustAuthority {

    private static final Logger LOG = System.getLogger(TrustAuthority.class.getName());
    private static final int DECISION_ID_BYTES = 16;

    private final TrustAttributeSource source;
    private final DocumentSigner signer;
    private final Clock clock;

    public TrustAuthority(TrustAttributeSource source, DocumentSigner signer, Clock clock) {
        if (source == null || signer == null || clock == null) {
            throw new IllegalArgumentException("trust authority needs an attribute source, a signer and a clock");
        }
        this.source = source;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * Decides and signs. Unknown parties count as {@link TrustLevel#NONE}.
     *
     * @throws IllegalArgumentException if the query is null
     */
    public SignedTrustDecision decide(TrustQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("trust query must not be null");
        }
        String decisionId = HexFormat.of().formatHex(randomBytes());
        Instant now = clock.instant();
        TrustDecision decision;
        List<Shortfall> shortfalls = shortfallsOrNull(query, decisionId);
        if (shortfalls == null) {
            decision = new TrustDecision(decisionId, now, query.required(), query.purpose(), query.parties(),
                    false, List.of(), TrustDecision.REASON_UNAVAILABLE);
        } else {
            boolean granted = shortfalls.isEmpty();
            decision = new TrustDecision(decisionId, now, query.required(), query.purpose(), query.parties(),
                    granted, shortfalls, granted ? null : TrustDecision.REASON_BELOW_REQUIRED);
        }
        return new SignedTrustDecision(decision, signer.sign(decision.canonicalBytes()), signer.certificate());
    }

    /** The parties below the required level, or null if the source could not answer for every party. */
    private List<Shortfall> shortfallsOrNull(TrustQuery query, String decisionId) {
        Map<PartyRef, TrustLevel> levels;
        try {
            levels = source.levelsOf(query.parties());
        } catch (Exception e) {
            // Catch everything, including exceptions thrown sneakily: an unreadable source must refuse.
            // Only the exception type is logged; its message could carry personal data.
            LOG.log(Level.WARNING, "trust attributes unavailable, refusing decision {0} ({1})",
                    decisionId, e.getClass().getName());
            return null;
        }
        if (levels == null) {
            LOG.log(Level.WARNING, "trust attribute source answered null, refusing decision {0}", decisionId);
            return null;
        }
        List<Shortfall> shortfalls = new ArrayList<>();
        for (PartyRef party : query.parties()) {
            // An unknown party (or one the source answered with no level) counts as NONE.
            TrustLevel actual = Objects.requireNonNullElse(levels.get(party), TrustLevel.NONE);
            if (!actual.reaches(query.required())) {
                shortfalls.add(new Shortfall(party, actual, query.required()));
            }
        }
        return shortfalls;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[DECISION_ID_BYTES];
        Crypto.random().nextBytes(bytes);
        return bytes;
    }
}
