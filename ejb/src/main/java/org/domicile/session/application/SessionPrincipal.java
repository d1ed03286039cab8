package org.domicile.session.application;

import java.time.Instant;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.identity.domain.Role;

/** Who is behind an open office session, as read at the start of a request. */
public record SessionPrincipal(String sessionId, String accountId, String loginName, String displayName, Role role,
                               TrustLevel trustLevel, Instant openedAt) {
    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
