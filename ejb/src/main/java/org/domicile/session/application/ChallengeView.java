package org.domicile.session.application;

import java.time.Instant;
import org.domicile.session.domain.Purpose;

/** What a user is told after a code was sent: where to, until when, when he may ask for another. */
public record ChallengeView(String challengeId, Purpose purpose, String maskedMobile, Instant expiresAt,
                            Instant resendAllowedAt) {
}
