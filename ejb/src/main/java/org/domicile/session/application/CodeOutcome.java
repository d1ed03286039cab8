package org.domicile.session.application;

import java.util.Optional;
import org.domicile.session.domain.Purpose;

/** What an accepted office code did: opened a session (login), or verified the mobile number. */
public record CodeOutcome(Purpose purpose, Optional<OpenedSession> session) {
}
