package org.domicile.api.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/inbox/{id}/handover/{challengeId}: the code and the decision. */
@Schema(name = "AnswerRequest", description = "The code received by SMS and the answer: ACCEPT or REFUSE.")
public record AnswerRequest(String code, @Schema(description = "ACCEPT or REFUSE") String decision) {
    @Override
    public String toString() {
        return "AnswerRequest[" + decision + "]";
    }
}
