package org.domicile.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domicile.identity.application.Registration;
import org.domicile.identity.application.RegistrationForm;
import org.domicile.identity.domain.Account;
import org.domicile.identity.domain.AccountRepository;
import org.domicile.identity.domain.LoginName;
import org.domicile.identity.domain.MobileNumber;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.CodeOutcome;
import org.domicile.session.application.OfficeLogin;
import org.domicile.session.application.OpenedSession;
import org.domicile.session.domain.Purpose;
import org.domicile.messaging.infrastructure.SmsGatewayProvider;
import org.domicile.sms.outbox.OutboxEntry;

/**
 * Makes users the way a person does: registers, reads the code from the local outbox (the
 * simulated phone) and types it. Every user gets a unique login name and his own mobile number,
 * because the database outlives a run and text messages per number are capped.
 */
@ApplicationScoped
public class TestUsers {

    public static final String SOURCE = "arquillian";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    @Inject
    Registration registration;

    @Inject
    OfficeLogin login;

    @Inject
    AccountRepository accounts;

    @Inject
    SmsGatewayProvider gateways;

    /** A user just registered, whose number is not verified yet, and his verification challenge. */
    public record Registered(TestUser user, ChallengeView challenge) {
    }

    public Registered register() {
        return register("Arq User " + suffix(), uniqueMobile());
    }

    public Registered register(String displayName, String mobile) {
        String s = suffix();
        String loginName = "arq." + s;
        String password = "correct horse " + s + " battery";
        String email = "arq." + s + "@example.org";
        ChallengeView view = registration.register(new RegistrationForm(loginName, displayName, email, mobile, password),
                SOURCE);
        assertEquals(Purpose.PHONE_VERIFICATION, view.purpose());
        String id = accounts.findByLogin(new LoginName(loginName)).orElseThrow().id().value();
        return new Registered(new TestUser(id, loginName, password, MobileNumber.parse(mobile).orElseThrow().e164(),
                email, displayName), view);
    }

    /** A registered user whose number is verified: ACTIVE, trust level LOW. */
    public TestUser active() {
        return activate(register());
    }

    public TestUser active(String displayName) {
        return activate(register(displayName, uniqueMobile()));
    }

    public TestUser activate(Registered r) {
        CodeOutcome outcome = login.confirm(r.challenge().challengeId(), lastCode(r.user().mobile()), SOURCE);
        assertEquals(Purpose.PHONE_VERIFICATION, outcome.purpose());
        return r.user();
    }

    /** Password step of the login: a code is sent. */
    public ChallengeView start(TestUser u) {
        return login.start(u.login(), u.password(), SOURCE);
    }

    /** A full login: password, code from the phone, session. */
    public OpenedSession login(TestUser u) {
        ChallengeView view = start(u);
        return login.confirm(view.challengeId(), lastCode(u.mobile()), SOURCE).session().orElseThrow();
    }

    public Account account(TestUser u) {
        return accounts.findByLogin(new LoginName(u.login())).orElseThrow();
    }

    /** The newest text message sent to this number. */
    public OutboxEntry lastMessage(String e164) {
        List<OutboxEntry> mine = gateways.outbox(200).stream().filter(e -> e.to().equals(e164)).toList();
        assertTrue(!mine.isEmpty(), "no text message was sent to this number");
        return mine.get(0);
    }

    /** How many text messages the outbox holds for this number. */
    public long messagesTo(String e164) {
        return gateways.outbox(5000).stream().filter(e -> e.to().equals(e164)).count();
    }

    /** The code in the newest text message to this number, as the user reads it. */
    public String lastCode(String e164) {
        return codeIn(lastMessage(e164).body());
    }

    public static String codeIn(String body) {
        Matcher m = CODE.matcher(body);
        assertTrue(m.find(), "the text message carries a 6-digit code");
        return m.group(1);
    }

    /** A code of the right shape that is not {@code code}. */
    public static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1 + RANDOM.nextInt(999_998)) % 1_000_000);
    }

    /** A French mobile number nobody else in the test database has: +33 6 1x xx xx xx. */
    public static String uniqueMobile() {
        for (int i = 0; i < 100; i++) {
            String candidate = "+3361" + String.format("%07d", RANDOM.nextInt(10_000_000));
            if (MobileNumber.parse(candidate).isPresent()) {
                return candidate;
            }
        }
        throw new IllegalStateException("libphonenumber refuses +3361xxxxxxx numbers");
    }

    /** 10 lower-case letters and digits: unique enough for names across runs. */
    public static String suffix() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
