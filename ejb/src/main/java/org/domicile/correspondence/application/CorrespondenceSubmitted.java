package org.domicile.correspondence.application;

import java.time.Instant;
import org.domicile.certification.trust.TrustLevel;

/**
 * The sender confirmed a correspondence with the code bound to its content digest. Fired in the
 * confirming transaction, so the processing chain starts exactly when the submission commits.
 */
public record CorrespondenceSubmitted(String correspondenceId, String contentDigest, TrustLevel level, Instant at) {
}
