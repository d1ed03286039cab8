package org.domicile.web.security;

import java.io.Serializable;
import java.time.Instant;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.domain.Purpose;

/**
 * The code challenge a browser waits on, kept in its HTTP session (never in a URL): a
 * serializable copy of {@link ChallengeView}, which the HTTP session may have to store.
 */
public record PendingChallenge(String challengeId, Purpose purpose, String maskedMobile, Instant expiresAt,
                               Instant resendAllowedAt) implements Serializable {

    public static PendingChallenge of(ChallengeView view) {
        return new PendingChallenge(view.challengeId(), view.purpose(), view.maskedMobile(), view.expiresAt(),
                view.resendAllowedAt());
    }

    /** The challenge id is the handle to a live code: it stays out of logs. */
    @Override
    public String toString() {
        return "PendingChallenge[" + purpose + ", until " + expiresAt + "]";
    }
}
