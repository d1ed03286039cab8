package org.domicile.identity.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.domicile.audit.AuditLog;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.DisplayName;
import org.domicile.identity.domain.EmailAddress;
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

/**
 * Self-registration (trust level LOW) and the first code to verify the mobile number. Every
 * field is checked and all problems are reported at once; a refused registration creates
 * nothing, and neither does one whose verification SMS cannot be sent.
 */
@Stateless
public class Registration {

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordPolicy passwords;

    @Inject
    Argon2PasswordHasher hasher;

    @EJB
    SessionOpening opening;

    @Inject
    DomicileSettings settings;

    @Inject
    TimeSource time;

    @EJB
    AuditLog audit;

    public ChallengeView register(RegistrationForm form, String source) {
        Map<String, String> errors = new LinkedHashMap<>();
        var login = LoginName.parse(form.loginName());
        var name = DisplayName.parse(form.displayName());
        var email = EmailAddress.parse(form.email());
        var mobile = MobileNumber.parse(form.mobile());
        if (login.isEmpty()) {
            errors.put("loginName", LoginName.RULE);
        } else if (accounts.loginTaken(login.get())) {
            errors.put("loginName", "Login name: this name is taken. Choose another one.");
        }
        if (name.isEmpty()) {
            errors.put("displayName", DisplayName.RULE);
        }
        if (email.isEmpty()) {
            errors.put("email", EmailAddress.RULE);
        }
        if (mobile.isEmpty()) {
            errors.put("mobile", MobileNumber.RULE);
        }
        passwords.problem(form.password(), form.loginName()).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        Account account = Account.register(login.get(), name.get(), email.get(), mobile.get(),
                hasher.hash(form.password()), time.now());
        try {
            accounts.add(account);
        } catch (jakarta.persistence.PersistenceException raceOnSameName) {
            throw new BadInputException("loginName", "Login name: this name is taken. Choose another one.");
        }
        ChallengeView challenge = opening.open(account, Purpose.PHONE_VERIFICATION, OfficeLogin.OFFICE_LEVEL,
                List.of(), new byte[0], SmsTexts.forPurpose(Purpose.PHONE_VERIFICATION, settings), source);
        // Recorded only once the code is on its way: a registration rolled back is not on record as made.
        audit.recordDone(account.loginName(), "account.registered", account.id().value(), source, "-");
        return challenge;
    }
}
