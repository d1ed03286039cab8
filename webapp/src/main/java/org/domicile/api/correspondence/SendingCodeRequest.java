package org.domicile.api.correspondence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/correspondence/{id}/sending/{challengeId}: the code received by SMS. */
@Schema(name = "SendingCodeRequest", description = "The code received by SMS for this sending.")
public record SendingCodeRequest(String code) {
    @Override
    public String toString() {
        return "SendingCodeRequest[]";
    }
}
