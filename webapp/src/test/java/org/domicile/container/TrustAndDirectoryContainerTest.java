package org.domicile.container;

import static org.domicile.container.TestUsers.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.directory.application.Counterparts;
import org.domicile.directory.application.Directory;
import org.domicile.directory.application.DirectoryEntry;
import org.domicile.identity.application.MobileChange;
import org.domicile.identity.application.Registration;
import org.domicile.identity.application.RegistrationForm;
import org.domicile.messaging.application.SmsStatusReports;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileSettings;
import org.domicile.platform.NotFoundException;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.OfficeLogin;
import org.domicile.session.application.OpenedSession;
import org.domicile.session.application.SessionOpening;
import org.domicile.session.application.SessionRegistry;
import org.domicile.session.application.SmsTexts;
import org.domicile.session.application.TrustRefusedException;
import org.domicile.session.domain.Purpose;
import org.domicile.setup.OperatorSetup;
import org.domicile.trust.application.TrustLevels;
import org.domicile.trust.domain.TrustChange;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trust levels and who may open sessions (SECURITY-BASELINE 9, 14, 17), what registration accepts
 * (10, 29), the directory and counterparts, and the operator-facing edges (setup code, Twilio
 * callbacks, mobile change), in the server on the configured database.
 */
@ExtendWith(ArquillianExtension.class)
class TrustAndDirectoryContainerTest {

    private static final String OPERATOR = "arq-operator";

    @Deployment
    static WebArchive deployment() {
        return ContainerDeployment.archive();
    }

    @Inject
    MovableTimeSource time;

    @Inject
    TestUsers users;

    @Inject
    ContainerProbe probe;

    @Inject
    OfficeLogin login;

    @Inject
    SessionOpening opening;

    @Inject
    SessionRegistry sessions;

    @Inject
    TrustLevels trust;

    @Inject
    Registration registration;

    @Inject
    Directory directory;

    @Inject
    Counterparts counterparts;

    @Inject
    SmsStatusReports smsStatus;

    @Inject
    OperatorSetup operatorSetup;

    @Inject
    MobileChange mobileChange;

    @Inject
    DomicileSettings settings;

    @AfterEach
    void wallClock() {
        time.reset();
    }

    // ---- rule 9: every party at the required level, or no session ---------------------------

    @Test
    @DisplayName("Rule 9: with the seal operator below the level, login is refused, naming the operator")
    void loweredOperatorRefusesLogin() {
        TestUser u = users.active();
        long challenges = probe.challengesOf(u.id());
        long texts = probe.smsRecordsTo(u.mobile());
        trust.change(OPERATOR, "OPERATOR:op-seal", "NONE", "maintenance of the seal operator", SOURCE);
        try {
            var refused = assertThrows(TrustRefusedException.class, () -> users.start(u));
            assertTrue(refused.getMessage().contains("Domicile Seal operator"), refused.getMessage());
            assertEquals(1, refused.reasons().size(), refused.reasons().toString());
        } finally {
            trust.change(OPERATOR, "OPERATOR:op-seal", "HIGH", "maintenance of the seal operator is over", SOURCE);
        }
        assertEquals(challenges, probe.challengesOf(u.id()), "no challenge");
        assertEquals(texts, probe.smsRecordsTo(u.mobile()), "no text message");
        assertTrue(users.login(u).token() != null, "restored operator: login works again");
    }

    @Test
    @DisplayName("Rule 9: a counterpart below the required level refuses the session, naming only him")
    void counterpartBelowLevel() {
        TestUser asker = users.active();
        TestUser counterpart = users.active("Arq Counterpart " + TestUsers.suffix());
        trust.change(OPERATOR, asker.key(), "SUBSTANTIAL", "phone and e-mail verified by the operator", SOURCE);
        long challenges = probe.challengesOf(asker.id());
        long texts = probe.smsRecordsTo(asker.mobile());

        var refused = assertThrows(TrustRefusedException.class, () -> opening.open(users.account(asker),
                Purpose.CORRESPONDENCE, TrustLevel.SUBSTANTIAL, List.of(counterpart.party()),
                "digest-A".getBytes(StandardCharsets.UTF_8), SmsTexts.forPurpose(Purpose.CORRESPONDENCE, settings),
                SOURCE));

        assertEquals(1, refused.reasons().size(), refused.reasons().toString());
        assertTrue(refused.getMessage().contains(counterpart.displayName()), refused.getMessage());
        assertTrue(refused.getMessage().contains("SUBSTANTIAL"), refused.getMessage());
        assertFalse(refused.getMessage().contains(counterpart.mobile()) || refused.getMessage().contains(
                counterpart.email()) || refused.getMessage().contains(counterpart.login()), "no private data leaks");
        assertEquals(challenges, probe.challengesOf(asker.id()), "the refusal created no challenge");
        assertEquals(texts, probe.smsRecordsTo(asker.mobile()), "and sent no text message");

        trust.change(OPERATOR, counterpart.key(), "SUBSTANTIAL", "phone and e-mail verified by the operator", SOURCE);
        ChallengeView granted = opening.open(users.account(asker), Purpose.CORRESPONDENCE, TrustLevel.SUBSTANTIAL,
                List.of(counterpart.party()), "digest-A".getBytes(StandardCharsets.UTF_8),
                SmsTexts.forPurpose(Purpose.CORRESPONDENCE, settings), SOURCE);
        assertEquals(Purpose.CORRESPONDENCE, granted.purpose());
    }

    @Test
    @DisplayName("Rule 9: a user whose own level is below the requirement is told his level")
    void ownLevelBelowRequirement() {
        TestUser u = users.active();
        var refused = assertThrows(TrustRefusedException.class, () -> opening.open(users.account(u),
                Purpose.CORRESPONDENCE, TrustLevel.HIGH, List.of(), new byte[] {1},
                SmsTexts.forPurpose(Purpose.CORRESPONDENCE, settings), SOURCE));
        assertTrue(refused.getMessage().contains("your trust level is LOW, HIGH is required"), refused.getMessage());
        assertEquals(1, probe.challengesOf(u.id()), "only the registration's challenge exists");
    }

    // ---- rules 14, 17: trust changes ----------------------------------------------------------

    @Test
    @DisplayName("Rule 14/17: lowering a user's level ends his open session at once and records who, when, why")
    void loweringUserEndsSession() {
        TestUser u = users.active();
        OpenedSession s = users.login(u);
        assertTrue(sessions.validate(s.token()).isPresent());

        TrustChange change = trust.change(OPERATOR, u.key(), "NONE", "identity document reported stolen", SOURCE);

        assertTrue(sessions.validate(s.token()).isEmpty(), "session ended at once");
        assertEquals(java.util.Optional.of("TRUST_LOWERED"), probe.sessionEndReason(s.principal().sessionId()));
        List<TrustChange> history = trust.history(u.key());
        assertEquals(1, history.size());
        TrustChange recorded = history.get(0);
        assertEquals(TrustLevel.LOW, recorded.oldLevel());
        assertEquals(TrustLevel.NONE, recorded.newLevel());
        assertEquals(OPERATOR, recorded.changedBy());
        assertEquals("identity document reported stolen", recorded.justification());
        assertTrue(Duration.between(recorded.changedAt(), time.now()).abs().toSeconds() < 60, "when");
        assertEquals(change.changedAt(), recorded.changedAt());
        assertEquals(TrustLevel.NONE, probe.trustLevelOf(u.id()));

        var refused = assertThrows(TrustRefusedException.class, () -> users.start(u));
        assertTrue(refused.getMessage().contains("your trust level is NONE"), refused.getMessage());

        trust.change(OPERATOR, u.key(), "LOW", "stolen document found again", SOURCE);
        assertTrue(sessions.validate(s.token()).isEmpty(), "raising the level again does not revive the session");
        assertEquals(2, trust.history(u.key()).size());
    }

    @Test
    @DisplayName("Rule 14: raising a user's level leaves his session open and the session shows the new level")
    void raisingUserKeepsSession() {
        TestUser u = users.active();
        OpenedSession s = users.login(u);
        trust.change(OPERATOR, u.key(), "SUBSTANTIAL", "phone and e-mail verified by the operator", SOURCE);
        assertEquals(TrustLevel.SUBSTANTIAL, sessions.validate(s.token()).orElseThrow().trustLevel());
    }

    @Test
    @DisplayName("Rule 17: a trust change without a justification of 10+ characters is refused and changes nothing")
    void trustChangeNeedsJustification() {
        TestUser u = users.active();
        OpenedSession s = users.login(u);
        for (String why : new String[] {null, "", "too short", "          x "}) {
            var e = assertThrows(BadInputException.class, () -> trust.change(OPERATOR, u.key(), "NONE", why, SOURCE));
            assertTrue(e.fieldErrors().containsKey("justification"), e.fieldErrors().toString());
        }
        var e = assertThrows(BadInputException.class,
                () -> trust.change(OPERATOR, u.key(), "SUPREME", "x".repeat(501), SOURCE));
        assertEquals(Set.of("level", "justification"), e.fieldErrors().keySet());
        var party = assertThrows(BadInputException.class,
                () -> trust.change(OPERATOR, "USER:nobody", "NONE", "a good enough reason", SOURCE));
        assertTrue(party.fieldErrors().containsKey("party"));
        assertThrows(NotFoundException.class,
                () -> trust.change(OPERATOR, "USER:" + "A".repeat(22), "NONE", "a good enough reason", SOURCE));

        assertEquals(TrustLevel.LOW, probe.trustLevelOf(u.id()), "level unchanged");
        assertTrue(trust.history(u.key()).isEmpty(), "nothing recorded");
        assertTrue(sessions.validate(s.token()).isPresent(), "session untouched");
    }

    @Test
    @DisplayName("Rule 17: the operator account cannot be claimed without the one-time setup code")
    void setupNeedsTheCode() {
        boolean pending = operatorSetup.pending();
        var e = assertThrows(BadInputException.class, () -> operatorSetup.complete("AAAA-BBBB-CCCC-DDDD",
                "correct horse battery staple 42", TestUsers.uniqueMobile(), SOURCE));
        assertEquals(Set.of("setupCode"), e.fieldErrors().keySet());
        assertEquals(pending, operatorSetup.pending(), "nothing changed");
    }

    // ---- rules 10, 29: registration ------------------------------------------------------------

    @Test
    @DisplayName("Rule 10: common passwords are refused, whatever their case")
    void commonPasswordRefused() {
        for (String pw : new String[] {"password123", "PassWord123"}) {
            var e = assertThrows(BadInputException.class, () -> register("arq." + TestUsers.suffix(), pw));
            assertEquals(Set.of("password"), e.fieldErrors().keySet(), e.fieldErrors().toString());
            assertTrue(e.fieldErrors().get("password").contains("common"), e.getMessage());
        }
    }

    @Test
    @DisplayName("Rule 10: 7 characters are refused, a 64-character passphrase is accepted and stored as Argon2id")
    void passwordLength() {
        String login7 = "arq." + TestUsers.suffix();
        var e = assertThrows(BadInputException.class, () -> register(login7, "k7#mQz!"));
        assertEquals(Set.of("password"), e.fieldErrors().keySet());
        assertEquals(0, probe.accountsNamed(login7));

        String login = "arq." + TestUsers.suffix();
        String passphrase = "my cat eats twelve blue radishes every single tuesday at noon!!!";
        assertEquals(64, passphrase.length());
        register(login, passphrase);
        String row = probe.rows("account", "login_name", login).get(0);
        assertTrue(row.contains("$argon2id$"), "Argon2id hash stored");
        assertFalse(row.contains(passphrase), "password stored in clear");
        assertFalse(row.contains("twelve blue radishes"), "password stored in clear");

        var tooLong = assertThrows(BadInputException.class, () -> register("arq." + TestUsers.suffix(), "p".repeat(129)));
        assertEquals(Set.of("password"), tooLong.fieldErrors().keySet());
        String sameAsLogin = "arq.same" + TestUsers.suffix();
        var same = assertThrows(BadInputException.class, () -> register(sameAsLogin, sameAsLogin.toUpperCase()));
        assertEquals(Set.of("password"), same.fieldErrors().keySet());
    }

    @Test
    @DisplayName("Rule 29: malformed registration fields are each named, and nothing is created")
    void malformedRegistration() {
        long accounts = probe.accounts();
        var e = assertThrows(BadInputException.class, () -> registration.register(new RegistrationForm("a",
                "x".repeat(500), "not-an-email", "0612345678", "short"), SOURCE));
        assertEquals(Set.of("loginName", "displayName", "email", "mobile", "password"), e.fieldErrors().keySet());
        e.fieldErrors().values().forEach(m -> assertFalse(m.isBlank()));

        var nulls = assertThrows(BadInputException.class,
                () -> registration.register(new RegistrationForm(null, null, null, null, null), SOURCE));
        assertEquals(Set.of("loginName", "displayName", "email", "mobile", "password"), nulls.fieldErrors().keySet());

        String ok = "arq." + TestUsers.suffix();
        var oneBad = assertThrows(BadInputException.class, () -> registration.register(new RegistrationForm(ok,
                "Arq <script>", ok + "@example.org", TestUsers.uniqueMobile(), "correct horse battery " + ok), SOURCE));
        assertEquals(Set.of("displayName"), oneBad.fieldErrors().keySet());
        var landline = assertThrows(BadInputException.class, () -> registration.register(new RegistrationForm(ok,
                "Arq Landline", ok + "@example.org", "+33 1 44 55 66 77", "correct horse battery " + ok), SOURCE));
        assertEquals(Set.of("mobile"), landline.fieldErrors().keySet());

        assertEquals(0, probe.accountsNamed(ok));
        assertEquals(accounts, probe.accounts(), "no account was created");
    }

    @Test
    @DisplayName("Rule 29: a login name already taken, in any case, is refused with a clear message")
    void duplicateLoginName() {
        TestUser u = users.active();
        var e = assertThrows(BadInputException.class, () -> register(u.login().toUpperCase(),
                "correct horse battery " + TestUsers.suffix()));
        assertEquals(Set.of("loginName"), e.fieldErrors().keySet());
        assertTrue(e.getMessage().contains("taken"), e.getMessage());
        assertEquals(1, probe.accountsNamed(u.login()));
        assertTrue(login.start(u.login().toUpperCase(), u.password(), SOURCE) != null,
                "login names are compared in lower case");
    }

    @Test
    @DisplayName("Rule 29: two registrations of one login name at the same moment: one account, the other told")
    void concurrentRegistrationsOfOneName() throws Exception {
        String name = "arq.race." + TestUsers.suffix();
        java.util.concurrent.Callable<ChallengeView> one = () -> registration.register(new RegistrationForm(name,
                "Arq Race One", name + "@example.org", TestUsers.uniqueMobile(), "correct horse battery one"), SOURCE);
        java.util.concurrent.Callable<ChallengeView> two = () -> registration.register(new RegistrationForm(name,
                "Arq Race Two", name + "@example.org", TestUsers.uniqueMobile(), "correct horse battery two"), SOURCE);

        var outcomes = Parallel.together(one, two);

        assertEquals(1, probe.accountsNamed(name));
        assertEquals(1, outcomes.stream().filter(Parallel.Outcome::succeeded).count(), Parallel.describe(outcomes));
        Throwable loser = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow().error();
        assertTrue(loser instanceof BadInputException b && b.fieldErrors().containsKey("loginName"),
                "the other is told the name is taken, not a server error: " + Parallel.describe(outcomes));
    }

    // ---- directory and counterparts -----------------------------------------------------------

    @Test
    @DisplayName("Directory: an active user is found by name, not by himself; the entry shows no phone, no e-mail")
    void directoryFindsByName() {
        String s = TestUsers.suffix();
        TestUser u = users.active("Arq Directory " + s);

        List<DirectoryEntry> found = directory.search("directory " + s);

        assertEquals(1, found.size(), found.toString());
        DirectoryEntry entry = found.get(0);
        assertEquals(u.id(), entry.id());
        assertEquals(u.displayName(), entry.displayName());
        assertEquals(TrustLevel.LOW, entry.trustLevel());
        assertEquals(List.of("kind", "id", "displayName", "trustLevel"),
                Arrays.stream(DirectoryEntry.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertFalse(entry.toString().contains(u.mobile()) || entry.toString().contains(u.email()));

        TestUser other = users.active();
        assertEquals(List.of(u.id()), directory.searchFrom(other.id(), "directory " + s).stream()
                .map(DirectoryEntry::id).toList(), "another user finds him");
        assertTrue(directory.searchFrom(u.id(), "directory " + s).isEmpty(),
                "a user searching for his own name is not offered himself as counterpart or recipient");
    }

    @Test
    @DisplayName("Directory: exact e-mail finds a user, his phone number does not; unverified users are not listed")
    void directoryPrivacy() {
        TestUser u = users.active();
        assertEquals(List.of(u.id()), directory.search(u.email()).stream().map(DirectoryEntry::id).toList());
        assertTrue(directory.search(u.mobile()).stream().noneMatch(e -> e.id().equals(u.id())), "found by phone");

        String s = TestUsers.suffix();
        TestUsers.Registered pending = users.register("Arq Pending " + s, TestUsers.uniqueMobile());
        assertTrue(directory.search("pending " + s).isEmpty(), "a user whose number is unverified is not listed");
        assertTrue(directory.search(pending.user().email()).isEmpty());
    }

    @Test
    @DisplayName("Directory: searches of 1 or 101 characters are refused; wildcards are taken literally")
    void directoryInput() {
        var shortQ = assertThrows(BadInputException.class, () -> directory.search("a"));
        assertEquals(Set.of("query"), shortQ.fieldErrors().keySet());
        assertThrows(BadInputException.class, () -> directory.search(" a "));
        assertThrows(BadInputException.class, () -> directory.search(null));
        assertThrows(BadInputException.class, () -> directory.search("x".repeat(101)));

        users.active();
        for (String wildcard : new String[] {"%%", "__", "%_"}) {
            List<DirectoryEntry> found = directory.search(wildcard);
            assertTrue(found.stream().allMatch(e -> e.displayName().contains(wildcard)),
                    "'" + wildcard + "' matched " + found.size() + " entries that do not contain it");
        }
    }

    @Test
    @DisplayName("Directory: names with accented capitals are found whatever the case typed")
    void directoryAccents() {
        String s = TestUsers.suffix();
        TestUser u = users.active("Élodie Ärq " + s);
        for (String q : new String[] {"Élodie Ärq " + s, "élodie ärq " + s, "ÉLODIE ÄRQ " + s.toUpperCase()}) {
            assertEquals(List.of(u.id()), directory.search(q).stream().map(DirectoryEntry::id).toList(),
                    "search '" + q + "'");
        }
    }

    @Test
    @DisplayName("Counterparts: add, list and remove; adding twice changes nothing")
    void counterpartRoundTrip() {
        TestUser me = users.active();
        TestUser other = users.active("Arq Other " + TestUsers.suffix());

        DirectoryEntry added = counterparts.add(me.id(), other.key());
        assertEquals(other.id(), added.id());
        counterparts.add(me.id(), other.key());
        assertEquals(List.of(other.id()), counterparts.of(me.id()).stream().map(DirectoryEntry::id).toList());
        assertTrue(counterparts.of(other.id()).isEmpty(), "a counterpart list belongs to one office");

        counterparts.remove(me.id(), other.key());
        assertTrue(counterparts.of(me.id()).isEmpty());
        var again = assertThrows(NotFoundException.class, () -> counterparts.remove(me.id(), other.key()));
        assertTrue(again.getMessage().contains("not one of your counterparts"), again.getMessage());
    }

    @Test
    @DisplayName("Counterparts: oneself, unverified users, operators and garbage keys are refused")
    void counterpartRefusals() {
        TestUser me = users.active();
        var self = assertThrows(BadInputException.class, () -> counterparts.add(me.id(), me.key()));
        assertEquals(Set.of("counterpart"), self.fieldErrors().keySet());

        TestUser pending = users.register().user();
        assertThrows(NotFoundException.class, () -> counterparts.add(me.id(), pending.key()));
        assertThrows(BadInputException.class, () -> counterparts.add(me.id(), "OPERATOR:op-seal"));
        for (String garbage : new String[] {null, "", ":", "USER:", "USER:x", "NOBODY:" + me.id(),
                "USER:" + "a".repeat(100)}) {
            assertThrows(BadInputException.class, () -> counterparts.add(me.id(), garbage), String.valueOf(garbage));
        }
        assertThrows(NotFoundException.class, () -> counterparts.add(me.id(), "USER:" + "B".repeat(22)));
        assertTrue(counterparts.of(me.id()).isEmpty(), "nothing was added");
    }

    // ---- SMS provider edges, rule 8 ---------------------------------------------------------------

    @Test
    @DisplayName("Twilio status callbacks are refused while Twilio is not configured")
    void twilioCallbackNotConfigured() {
        assertEquals(SmsStatusReports.Outcome.NOT_CONFIGURED, smsStatus.accept("http://localhost:8080/api/sms/status",
                Map.of("MessageSid", "SM" + "0".repeat(32), "MessageStatus", "delivered"), "forged", SOURCE));
    }

    @Test
    @DisplayName("Rule 8: a mobile change needs the password and a code sent to the new number; the old one is told")
    void mobileChange() {
        TestUser u = users.active();
        String newMobile = TestUsers.uniqueMobile();
        var wrongPassword = assertThrows(BadInputException.class,
                () -> mobileChange.start(u.id(), "not the password", newMobile, SOURCE));
        assertEquals(Set.of("password"), wrongPassword.fieldErrors().keySet());
        assertEquals(0, users.messagesTo(newMobile));

        ChallengeView view = mobileChange.start(u.id(), u.password(), newMobile, SOURCE);
        String code = users.lastCode(newMobile);
        time.advance(Duration.ofSeconds(31));
        long toOld = users.messagesTo(u.mobile());
        assertThrows(CodeRejectedException.class, () -> login.resend(view.challengeId(), SOURCE),
                "the login page's resend does not serve mobile changes");
        assertEquals(toOld, users.messagesTo(u.mobile()), "no mobile-change code goes to the old number");
        assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), code, SOURCE),
                "a mobile-change code does not open the office");
        assertThrows(Exception.class, () -> mobileChange.confirm(u.id(), view.challengeId(), TestUsers.uniqueMobile(),
                code, SOURCE), "the code is bound to the new number");
        mobileChange.confirm(u.id(), view.challengeId(), newMobile, code, SOURCE);

        assertEquals(newMobile, probe.account(u.id()).mobile().orElseThrow().e164());
        assertTrue(users.lastMessage(u.mobile()).body().contains("changed"), "the old number is told");
        users.start(new TestUser(u.id(), u.login(), u.password(), newMobile, u.email(), u.displayName()));
        assertTrue(users.lastMessage(newMobile).body().contains("login code"), "codes now go to the new number");
    }

    @Test
    @DisplayName("Rule 8: a mobile change stands when the notice to the old number cannot be sent")
    void mobileChangeWhenOldNumberCapped() {
        TestUser u = users.active();
        // The old number has had its hour's worth of change notices: the next one cannot be sent.
        probe.addSmsSent(u.mobile(), "MOBILE_CHANGED", 10, time.now());
        String newMobile = TestUsers.uniqueMobile();
        ChallengeView view = mobileChange.start(u.id(), u.password(), newMobile, SOURCE);

        mobileChange.confirm(u.id(), view.challengeId(), newMobile, users.lastCode(newMobile), SOURCE);

        String audit = probe.auditOf(u.login()).stream().filter(l -> l.startsWith("account.mobile"))
                .collect(Collectors.joining("; "));
        assertEquals(newMobile, probe.account(u.id()).mobile().orElseThrow().e164(),
                "confirm returned normally, the audit trail says [" + audit + "], yet the number did not change; "
                + "challenge is " + probe.challenge(view.challengeId()));
        assertTrue(audit.contains("old number NOT notified"), audit);
    }

    private void register(String loginName, String password) {
        registration.register(new RegistrationForm(loginName, "Arq Password", loginName + "@example.org",
                TestUsers.uniqueMobile(), password), SOURCE);
    }
}
