package org.domicile.web.correspondence;

import java.io.Serializable;
import java.time.Instant;
import org.domicile.session.application.ChallengeView;

/**
 * A sending waiting for its code, kept in the browser's HTTP session (never in a URL or a page):
 * the challenge, where the code went, until when, and the content digest it confirms.
 */
public record PendingSending(String correspondenceId, String challengeId, String maskedMobile, Instant expiresAt,
                             Instant resendAllowedAt, String contentDigest) implements Serializable {

    static PendingSending of(String correspondenceId, ChallengeView view, String contentDigest) {
        return new PendingSending(correspondenceId, view.challengeId(), view.maskedMobile(), view.expiresAt(),
                view.resendAllowedAt(), contentDigest);
    }

    /** After a resend: the same challenge and content, a new code with new times. */
    PendingSending resent(ChallengeView view) {
        return new PendingSending(correspondenceId, challengeId, view.maskedMobile(), view.expiresAt(),
                view.resendAllowedAt(), contentDigest);
    }

    /** The challenge id is the handle to a live code: it stays out of logs. */
    @Override
    public String toString() {
        return "PendingSending[" + correspondenceId + ", until " + expiresAt + "]";
    }
}
