package org.domicile.trust.application;

import java.util.List;
import org.domicile.certification.trust.Shortfall;

/**
 * What the domiciliation server concluded from the certification server's answer: granted only
 * if the answer came, was signed by the pinned certificate, and said yes.
 */
public record TrustVerdict(boolean granted, String decisionId, List<Shortfall> shortfalls, String reason) {
    public TrustVerdict {
        shortfalls = List.copyOf(shortfalls);
    }

    static TrustVerdict refused(String reason) {
        return new TrustVerdict(false, "none", List.of(), reason);
    }
}
