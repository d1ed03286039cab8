package org.domicile.api.session;

import org.domicile.session.application.OpenedSession;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The office session just opened. {@code token} is the bearer token for every further call;
 * it is shown this once and only its hash is kept on the server.
 */
@Schema(name = "SessionJson", description = "An open office session; token is the bearer token for further calls.")
public record SessionJson(String token, String sessionId, String accountId, String loginName, String displayName,
                          String trustLevel, String role) {

    static SessionJson of(OpenedSession opened) {
        var p = opened.principal();
        return new SessionJson(opened.token(), p.sessionId(), p.accountId(), p.loginName(), p.displayName(),
                p.trustLevel().name(), p.role().name());
    }

    @Override
    public String toString() {
        return "SessionJson[" + sessionId + "]";
    }
}
