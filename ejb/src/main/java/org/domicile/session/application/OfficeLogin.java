package org.domicile.session.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.domicile.audit.AuditLog;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.AccountStatus;
import org.domicile.identity.domain.LoginName;
import org.domicile.identity.infrastructure.Argon2PasswordHasher;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileSettings;
import org.domicile.session.domain.Challenge;
import org.domicile.session.domain.Purpose;

/**
 * Login to the private office: password, then the session-opening protocol with the user as
 * his own counterpart at level LOW (SPEC §2). An account whose number is not verified yet gets
 * a phone-verification code instead.
 */
@Stateless
public class OfficeLogin {

    /** The level required to open one's own office. */
    public static final TrustLevel OFFICE_LEVEL = TrustLevel.LOW;
    private static final byte[] NOTHING_BOUND = new byte[0];

    @Inject
    AccountRepository accounts;

    @Inject
    Argon2PasswordHasher hasher;

    @EJB
    SessionOpening opening;

    @EJB
    SessionRegistry sessions;

    @Inject
    DomicileSettings settings;

    @EJB
    AuditLog audit;

    /** Password step. Unknown login and wrong password get the same answer, after the same work (rule 7). */
    public ChallengeView start(String loginName, String password, String source) {
        if (loginName == null || loginName.isBlank() || password == null || password.isEmpty()) {
            throw new BadInputException("login", "Enter your login name and your password.");
        }
        if (loginName.length() > 256 || password.length() > 1024) {
            throw new BadInputException("login", LoginRefusedException.MESSAGE);
        }
        Optional<Account> found = LoginName.parse(loginName).flatMap(accounts::findByLogin);
        if (found.isEmpty() || found.get().passwordHash().isEmpty()) {
            hasher.verifyDecoy(password);
            audit.record(cut(loginName), "login.password", "-", "REFUSED", source, "unknown account");
            throw new LoginRefusedException();
        }
        Account account = found.get();
        if (!hasher.verify(password, account.passwordHash().get())) {
            audit.record(account.loginName(), "login.password", account.id().value(), "REFUSED", source,
                    "wrong password");
            throw new LoginRefusedException();
        }
        if (account.status() == AccountStatus.DISABLED) {
            throw new LoginRefusedException("This account is disabled. Please contact the certification operator.");
        }
        Purpose purpose = account.status() == AccountStatus.PENDING_PHONE ? Purpose.PHONE_VERIFICATION : Purpose.LOGIN;
        return opening.open(account, purpose, OFFICE_LEVEL, List.of(), NOTHING_BOUND,
                SmsTexts.forPurpose(purpose, settings), source);
    }

    /** Code step: opens the office session (with a new session token) or verifies the number. */
    public CodeOutcome confirm(String challengeId, String code, String source) {
        Challenge challenge = opening.confirm(challengeId, NOTHING_BOUND, code, source);
        Account account = accounts.find(new AccountId(challenge.accountId())).orElseThrow();
        return switch (challenge.purpose()) {
            case PHONE_VERIFICATION -> {
                account.confirmMobile();
                audit.recordDone(account.loginName(), "account.mobile-verified", account.id().value(), source, "-");
                yield new CodeOutcome(Purpose.PHONE_VERIFICATION, Optional.empty());
            }
            case LOGIN -> {
                if (!account.canOpenSession()) {
                    throw new LoginRefusedException("This account cannot open a session.");
                }
                OpenedSession session = sessions.open(account);
                audit.recordDone(account.loginName(), "session.opened", session.principal().sessionId(), source, "-");
                yield new CodeOutcome(Purpose.LOGIN, Optional.of(session));
            }
            case CORRESPONDENCE, MOBILE_CHANGE -> throw new CodeRejectedException(SessionOpening.NO_LONGER_VALID, 0);
        };
    }

    /** A new code for a login or phone-verification challenge, after the cooldown. */
    public ChallengeView resend(String challengeId, String source) {
        Account account = opening.ownerOf(challengeId)
                .flatMap(id -> accounts.find(new AccountId(id)))
                .orElseThrow(() -> new CodeRejectedException(SessionOpening.NO_LONGER_VALID, 0));
        Purpose purpose = opening.purposeOf(challengeId).orElse(Purpose.LOGIN);
        if (purpose != Purpose.LOGIN && purpose != Purpose.PHONE_VERIFICATION) {
            throw new CodeRejectedException(SessionOpening.NO_LONGER_VALID, 0);
        }
        return opening.resend(challengeId, account, NOTHING_BOUND, SmsTexts.forPurpose(purpose, settings), source);
    }

    /** Ends the session of this token on the server. */
    public void logout(String token, String source) {
        sessions.validate(token).ifPresent(p -> {
            sessions.end(token, org.domicile.session.domain.EndReason.LOGOUT);
            audit.recordDone(p.loginName(), "session.logout", p.sessionId(), source, "-");
        });
    }

    private static String cut(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
