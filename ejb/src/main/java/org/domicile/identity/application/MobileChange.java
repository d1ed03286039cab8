package org.domicile.identity.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.domicile.audit.AuditLog;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountId;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.MobileNumber;
import org.domicile.identity.infrastructure.Argon2PasswordHasher;
import org.domicile.messaging.application.SmsDispatch;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.OfficeLogin;
import org.domicile.session.application.SessionOpening;
import org.domicile.session.application.SmsTexts;
import org.domicile.session.domain.Challenge;
import org.domicile.session.domain.Purpose;

/**
 * Changing the mobile number (SECURITY-BASELINE 8): from an open session, the user types his
 * password again and then a code sent to the NEW number, bound to that number; the old number
 * is told of the change by SMS, and the change is audited.
 */
@Stateless
public class MobileChange {

    @Inject
    AccountRepository accounts;

    @Inject
    Argon2PasswordHasher hasher;

    @EJB
    SessionOpening opening;

    @EJB
    SmsDispatch sms;

    @Inject
    DomicileSettings settings;

    @EJB
    AuditLog audit;

    public ChallengeView start(String accountId, String password, String newMobile, String source) {
        Account account = accounts.find(new AccountId(accountId))
                .orElseThrow(() -> new DomicileException("Your session has ended. Please log in again."));
        var number = MobileNumber.parse(newMobile)
                .orElseThrow(() -> new BadInputException("mobile", MobileNumber.RULE));
        if (password == null || password.length() > 1024 || account.passwordHash().isEmpty()
                || !hasher.verify(password, account.passwordHash().get())) {
            audit.record(account.loginName(), "account.mobile-change", accountId, "REFUSED", source, "wrong password");
            throw new BadInputException("password", "Password: this is not your password.");
        }
        if (account.mobile().map(number::equals).orElse(false)) {
            throw new BadInputException("mobile", "Mobile number: this is already your number.");
        }
        return opening.open(account, number, Purpose.MOBILE_CHANGE, OfficeLogin.OFFICE_LEVEL, List.of(),
                bound(number), SmsTexts.forPurpose(Purpose.MOBILE_CHANGE, settings), source);
    }

    /** The code sent to the new number; on success the number is replaced and the old one notified. */
    public void confirm(String accountId, String challengeId, String newMobile, String code, String source) {
        var number = MobileNumber.parse(newMobile)
                .orElseThrow(() -> new CodeRejectedException("This code is no longer valid. Please start again.", 0));
        if (!opening.ownerOf(challengeId).map(accountId::equals).orElse(false)) {
            throw new CodeRejectedException("This code is no longer valid. Please start again.", 0);
        }
        Challenge challenge = opening.confirm(challengeId, bound(number), code, source);
        if (challenge.purpose() != Purpose.MOBILE_CHANGE) {
            throw new CodeRejectedException("This code is no longer valid. Please start again.", 0);
        }
        Account account = accounts.find(new AccountId(accountId)).orElseThrow();
        var old = account.mobile();
        account.changeMobile(number);
        // The notice goes out in its own transaction: if it cannot be sent, the change still stands.
        boolean told = old.map(o -> sms.sendNotice(accountId, o.e164(), "MOBILE_CHANGED",
                "Domicile: the mobile number of your office was changed to " + number.masked()
                        + ". If this was not you, contact the operator now.")).orElse(false);
        audit.recordDone(account.loginName(), "account.mobile-changed", accountId, source,
                old.map(MobileNumber::masked).orElse("-") + " -> " + number.masked()
                        + (told ? "; old number notified" : "; old number NOT notified"));
    }

    private static byte[] bound(MobileNumber number) {
        return ("mobile:" + number.e164()).getBytes(StandardCharsets.UTF_8);
    }
}
