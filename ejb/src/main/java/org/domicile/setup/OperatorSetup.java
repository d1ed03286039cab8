package org.domicile.setup;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import org.domicile.audit.AuditLog;
import org.domicile.identity.application.PasswordPolicy;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.AccountStatus;
import org.domicile.identity.domain.LoginName;
import org.domicile.identity.domain.MobileNumber;
import org.domicile.identity.infrastructure.Argon2PasswordHasher;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.TimeSource;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.OfficeLogin;
import org.domicile.session.application.SessionOpening;
import org.domicile.session.application.SmsTexts;
import org.domicile.session.domain.Purpose;
import org.domicile.trust.infrastructure.KeyVault;

/**
 * The certification operator claims his account with the one-time setup code: sets password
 * and mobile number, then verifies the number with an SMS code like every user.
 */
@Stateless
public class OperatorSetup {

    private static final String INVALID = "This setup code is not valid (or was already used).";

    @PersistenceContext(unitName = "domicile")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordPolicy passwords;

    @Inject
    Argon2PasswordHasher hasher;

    @EJB
    SessionOpening opening;

    @Inject
    KeyVault vault;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    /** True while the operator account still waits for its setup code. */
    public boolean pending() {
        return accounts.findByLogin(new LoginName(Account.OPERATOR_LOGIN))
                .map(a -> a.status() == AccountStatus.SETUP).orElse(false);
    }

    public ChallengeView complete(String setupCode, String password, String mobile, String source) {
        var errors = new LinkedHashMap<String, String>();
        var secret = em.find(SetupSecret.class, SetupSecret.OPERATOR);
        var account = accounts.findByLogin(new LoginName(Account.OPERATOR_LOGIN));
        boolean codeOk = secret != null && !secret.used() && account.isPresent()
                && account.get().status() == AccountStatus.SETUP
                && SetupCodes.matches(vault.derivedKey("setup-code"), secret.secretForm(), setupCode);
        if (!codeOk) {
            audit.record("operator", "setup.code", "operator", "REFUSED", source, "invalid setup code");
            errors.put("setupCode", INVALID);
        }
        var number = MobileNumber.parse(mobile);
        if (number.isEmpty()) {
            errors.put("mobile", MobileNumber.RULE);
        }
        passwords.problem(password, Account.OPERATOR_LOGIN).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        Account operator = account.get();
        operator.completeSetup(hasher.hash(password), number.get());
        secret.use(time.now());
        audit.recordDone("operator", "setup.completed", operator.id().value(), source, "-");
        return opening.open(operator, Purpose.PHONE_VERIFICATION, OfficeLogin.OFFICE_LEVEL, List.of(), new byte[0],
                SmsTexts.forPurpose(Purpose.PHONE_VERIFICATION, settings), source);
    }
}
