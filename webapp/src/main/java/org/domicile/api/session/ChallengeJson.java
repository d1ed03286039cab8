package org.domicile.api.session;

import java.time.Instant;
import org.domicile.session.application.ChallengeView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A code was sent: where to (masked), for what, until when, and from when another may be asked for. */
@Schema(name = "ChallengeJson", description = "A code was sent by SMS for this challenge.")
public record ChallengeJson(String challengeId,
                            @Schema(description = "LOGIN or PHONE_VERIFICATION") String purpose,
                            String maskedMobile,
                            @Schema(type = SchemaType.STRING, format = "date-time") Instant expiresAt,
                            @Schema(type = SchemaType.STRING, format = "date-time") Instant resendAllowedAt) {

    public static ChallengeJson of(ChallengeView view) {
        return new ChallengeJson(view.challengeId(), view.purpose().name(), view.maskedMobile(), view.expiresAt(),
                view.resendAllowedAt());
    }
}
