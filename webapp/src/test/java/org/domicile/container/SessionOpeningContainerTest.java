package org.domicile.container;

import static org.domicile.container.TestUsers.SOURCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.identity.application.AccountAdministration;
import org.domicile.identity.application.Registration;
import org.domicile.identity.application.RegistrationForm;
import org.domicile.platform.DomicileException;
import org.domicile.platform.DomicileSettings;
import org.domicile.session.application.ChallengeView;
import org.domicile.session.application.CodeOutcome;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.LoginRefusedException;
import org.domicile.session.application.OfficeLogin;
import org.domicile.session.application.OpenedSession;
import org.domicile.session.application.SessionOpening;
import org.domicile.session.application.SessionPrincipal;
import org.domicile.session.application.SessionRegistry;
import org.domicile.session.application.SmsTexts;
import org.domicile.session.domain.Challenge;
import org.domicile.session.domain.Purpose;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session opening in the server, on the configured database: the one-time code (SECURITY-BASELINE
 * 1–7), the session it opens (12–14), and the transaction boundaries that keep counted attempts
 * counted and refused work undone (24). Time moves with {@link MovableTimeSource}, never by waiting.
 */
@ExtendWith(ArquillianExtension.class)
class SessionOpeningContainerTest {

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
    Registration registration;

    @Inject
    AccountAdministration administration;

    @Inject
    DomicileSettings settings;

    @AfterEach
    void wallClock() {
        time.reset();
    }

    // ---- the happy path and the session it opens -------------------------------------------

    @Test
    @DisplayName("Rule 12: password + code from the phone open a session with a new id and a ≥128-bit token")
    void loginOpensSession() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        assertEquals(Purpose.LOGIN, view.purpose());
        assertFalse(view.maskedMobile().contains(u.mobile().substring(3, u.mobile().length() - 2)),
                "the screen shows a masked number");

        CodeOutcome outcome = login.confirm(view.challengeId(), users.lastCode(u.mobile()), SOURCE);

        assertEquals(Purpose.LOGIN, outcome.purpose());
        OpenedSession session = outcome.session().orElseThrow();
        SessionPrincipal p = sessions.validate(session.token()).orElseThrow();
        assertEquals(u.id(), p.accountId());
        assertEquals(u.login(), p.loginName());
        assertEquals(TrustLevel.LOW, p.trustLevel());
        assertNotEquals(view.challengeId(), p.sessionId(), "a new id after the code (rule 12)");
        assertNotEquals(view.challengeId(), session.token());
        assertTrue(Base64.getUrlDecoder().decode(session.token()).length * 8 >= 128, "token of at least 128 bits");
        assertFalse(String.join("\n", probe.rows("office_session", "id", p.sessionId())).contains(session.token()),
                "only a hash of the token is stored");
        assertTrue(sessions.validate(view.challengeId()).isEmpty(), "the challenge id opens nothing");
    }

    @Test
    @DisplayName("Rule 1: the code is 6 random digits, a new one for every sending")
    void codeIsSixDigits() {
        TestUser u = users.active();
        var codes = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            users.start(u);
            String body = users.lastMessage(u.mobile()).body();
            String code = TestUsers.codeIn(body);
            assertTrue(code.matches("\\d{6}"));
            assertEquals(1, java.util.regex.Pattern.compile("\\d{6,}").matcher(body).results().count(),
                    "exactly one code of exactly 6 digits: " + body.replaceAll("\\d", "#"));
            codes.add(code);
        }
        assertTrue(codes.stream().distinct().count() >= 2, "codes differ between sendings");
    }

    // ---- rule 2: expiry ------------------------------------------------------------------------

    @Test
    @DisplayName("Rule 2: a correct code is refused 10 minutes after issue, and the challenge stays dead")
    void codeExpiresAfterTenMinutes() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String code = users.lastCode(u.mobile());

        time.advance(Duration.ofMinutes(10).plusSeconds(1));
        var late = assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), code, SOURCE));
        assertTrue(late.getMessage().contains("expired"), late.getMessage());
        assertEquals(0, late.triesLeft());

        time.reset();
        var again = assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), code, SOURCE));
        assertTrue(again.getMessage().contains("expired"), again.getMessage());
        assertEquals("EXPIRED", probe.challenge(view.challengeId()).status(), "the expiry was committed");
        assertThrows(CodeRejectedException.class, () -> login.resend(view.challengeId(), SOURCE),
                "an expired challenge gets no new code either");
    }

    @Test
    @DisplayName("Rule 2: a correct code is still accepted 9 min 50 s after issue")
    void codeValidJustBeforeExpiry() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String code = users.lastCode(u.mobile());
        assertTrue(!view.expiresAt().isAfter(time.now().plus(Duration.ofMinutes(10))), "expiry at most 10 min away");

        time.advance(Duration.ofMinutes(9).plusSeconds(50));
        String typed = code.substring(0, 3) + " " + code.substring(3);
        assertTrue(login.confirm(view.challengeId(), typed, SOURCE).session().isPresent(), "typed as 'ddd ddd'");
    }

    // ---- rule 3: single use, resend -------------------------------------------------------------

    @Test
    @DisplayName("Rule 3: a code opens one session; the same right code a second time is refused")
    void codeIsSingleUse() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String code = users.lastCode(u.mobile());
        assertTrue(login.confirm(view.challengeId(), code, SOURCE).session().isPresent());

        var second = assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), code, SOURCE));
        assertTrue(second.getMessage().contains("already been used"), second.getMessage());
        assertEquals("OPENED", probe.challenge(view.challengeId()).status());
    }

    @Test
    @DisplayName("Rule 3/6: a resend waits for the 30 s cooldown, and then the old code stops working")
    void resendInvalidatesOldCode() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String oldCode = users.lastCode(u.mobile());
        long sent = probe.smsRecordsTo(u.mobile());

        var tooSoon = assertThrows(DomicileException.class, () -> login.resend(view.challengeId(), SOURCE));
        assertTrue(tooSoon.getMessage().startsWith("Please wait "), tooSoon.getMessage());
        assertEquals(sent, probe.smsRecordsTo(u.mobile()), "no text message before the cooldown");

        time.advance(Duration.ofSeconds(31));
        ChallengeView again = login.resend(view.challengeId(), SOURCE);
        assertEquals(view.challengeId(), again.challengeId());
        String newCode = users.lastCode(u.mobile());
        assumeFalse(newCode.equals(oldCode), "one chance in a million: the new code equals the old one");

        var old = assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), oldCode, SOURCE));
        assertTrue(old.getMessage().startsWith("Wrong code"), old.getMessage());
        assertTrue(login.confirm(view.challengeId(), newCode, SOURCE).session().isPresent());
    }

    @Test
    @DisplayName("Rule 3: two requests with the same right code at the same moment open exactly one session")
    void concurrentConfirmsOpenOneSession() throws Exception {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String code = users.lastCode(u.mobile());

        List<Parallel.Outcome<CodeOutcome>> outcomes = Parallel.times(2, () -> login.confirm(view.challengeId(), code, SOURCE));

        assertEquals(1, outcomes.stream().filter(Parallel.Outcome::succeeded).count(),
                Parallel.describe(outcomes));
        Throwable refused = outcomes.stream().filter(o -> !o.succeeded()).findFirst().orElseThrow().error();
        assertTrue(refused instanceof CodeRejectedException,
                "the loser gets a clear refusal, not a server error: " + refused);
    }

    // ---- rule 4: bound to the session and to the content ---------------------------------------

    @Test
    @DisplayName("Rule 4: the code of login A typed into login B (same user) is refused")
    void codeBoundToItsChallenge() {
        TestUser u = users.active();
        ChallengeView a = users.start(u);
        String codeA = users.lastCode(u.mobile());
        ChallengeView b = users.start(u);
        String codeB = users.lastCode(u.mobile());
        assumeFalse(codeA.equals(codeB), "one chance in a million: both codes are equal");

        assertThrows(CodeRejectedException.class, () -> login.confirm(b.challengeId(), codeA, SOURCE));
        assertTrue(login.confirm(b.challengeId(), codeB, SOURCE).session().isPresent());
    }

    @Test
    @DisplayName("Rule 4: a correspondence code confirms only the content it was sent for")
    void correspondenceCodeBoundToContent() {
        TestUser sender = users.active();
        TestUser counterpart = users.active();
        byte[] digestA = "digest-A".getBytes(StandardCharsets.UTF_8);
        byte[] digestB = "digest-B".getBytes(StandardCharsets.UTF_8);

        ChallengeView view = opening.open(users.account(sender), Purpose.CORRESPONDENCE, TrustLevel.LOW,
                List.of(counterpart.party()), digestA, SmsTexts.forPurpose(Purpose.CORRESPONDENCE, settings), SOURCE);
        String code = users.lastCode(sender.mobile());
        assertTrue(users.lastMessage(sender.mobile()).body().contains("correspondence"), "the SMS says what it confirms");

        var other = assertThrows(CodeRejectedException.class,
                () -> opening.confirm(view.challengeId(), digestB, code, SOURCE));
        assertTrue(other.getMessage().startsWith("Wrong code"), other.getMessage());
        assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), code, SOURCE),
                "nor does it open the office through the login form");

        Challenge done = opening.confirm(view.challengeId(), digestA, code, SOURCE);
        assertEquals(Purpose.CORRESPONDENCE, done.purpose());
        assertEquals("OPENED", probe.challenge(view.challengeId()).status());
    }

    // ---- rule 5: only a check form is stored ---------------------------------------------------

    @Test
    @DisplayName("Rule 5/11: the code is stored nowhere: not in the challenge, the SMS records or the audit trail")
    void codeNotStored() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String code = users.lastCode(u.mobile());

        List<String> challengeRow = probe.rows("challenge", "id", view.challengeId());
        assertEquals(1, challengeRow.size());
        assertFalse(challengeRow.get(0).contains(code), "challenge row holds the code");
        assertTrue(challengeRow.get(0).matches(".*[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}.*"),
                "a salted MAC form (salt.mac, base64url) is stored instead");
        assertFalse(String.join("\n", probe.rows("sms_message", "recipient", u.mobile())).contains(code),
                "SMS records hold the code");
        assertFalse(String.join("\n", probe.auditOf(u.login(), u.id())).contains(code), "audit trail holds the code");
    }

    // ---- rule 6: limits ---------------------------------------------------------------------------

    @Test
    @DisplayName("Rule 6: the 5th wrong code ends the challenge; even the right code is refused after it")
    void fiveWrongCodes() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String code = users.lastCode(u.mobile());
        for (int i = 1; i <= 4; i++) {
            var e = assertThrows(CodeRejectedException.class,
                    () -> login.confirm(view.challengeId(), TestUsers.wrong(code), SOURCE));
            assertEquals(5 - i, e.triesLeft());
            assertTrue(e.getMessage().startsWith("Wrong code. " + (5 - i)), e.getMessage());
        }
        var fifth = assertThrows(CodeRejectedException.class,
                () -> login.confirm(view.challengeId(), TestUsers.wrong(code), SOURCE));
        assertEquals(0, fifth.triesLeft());
        assertTrue(fifth.getMessage().contains("start again"), fifth.getMessage());

        var right = assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), code, SOURCE));
        assertTrue(right.getMessage().contains("start again"), right.getMessage());
        assertEquals(new ContainerProbe.ChallengeState("FAILED", 5), probe.challenge(view.challengeId()));
        assertThrows(CodeRejectedException.class, () -> login.resend(view.challengeId(), SOURCE),
                "a failed challenge gets no new code");
    }

    @Test
    @DisplayName("Rule 6/26: wrong codes are counted in the database even though the call failed")
    void wrongCodesStayCounted() {
        TestUser u = users.active();
        ChallengeView view = users.start(u);
        String code = users.lastCode(u.mobile());
        long before = probe.codeFailuresOf(u.id());

        assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), TestUsers.wrong(code), SOURCE));
        assertThrows(CodeRejectedException.class, () -> login.confirm(view.challengeId(), "12 34", SOURCE));

        assertEquals(new ContainerProbe.ChallengeState("PENDING", 2), probe.challenge(view.challengeId()));
        assertEquals(before + 2, probe.codeFailuresOf(u.id()));
        assertTrue(probe.auditOf(u.id()).stream().filter(l -> l.startsWith("session.code WRONG")).count() >= 2,
                "each wrong code is on the audit trail");
        assertTrue(login.confirm(view.challengeId(), code, SOURCE).session().isPresent(), "3 tries were left");
    }

    @Test
    @DisplayName("Rule 6: 100 wrong codes an hour lock the account's codes; a resend does not reset the count")
    void accountFailureLimitSurvivesResend() {
        TestUser u = users.active();
        probe.addCodeFailures(u.id(), 99, time.now().minus(Duration.ofMinutes(5)));
        ChallengeView a = users.start(u);
        String codeA = users.lastCode(u.mobile());
        assertThrows(CodeRejectedException.class, () -> login.confirm(a.challengeId(), TestUsers.wrong(codeA), SOURCE));
        assertEquals(100, probe.codeFailuresOf(u.id()));

        time.advance(Duration.ofSeconds(31));
        login.resend(a.challengeId(), SOURCE);
        String resent = users.lastCode(u.mobile());
        var locked = assertThrows(CodeRejectedException.class, () -> login.confirm(a.challengeId(), resent, SOURCE));
        assertTrue(locked.getMessage().startsWith("Too many wrong codes on this account"), locked.getMessage());

        ChallengeView b = users.start(u);
        String codeB = users.lastCode(u.mobile());
        var lockedToo = assertThrows(CodeRejectedException.class, () -> login.confirm(b.challengeId(), codeB, SOURCE));
        assertTrue(lockedToo.getMessage().startsWith("Too many wrong codes on this account"), lockedToo.getMessage());

        time.advance(Duration.ofMinutes(61));
        ChallengeView c = users.start(u);
        assertTrue(login.confirm(c.challengeId(), users.lastCode(u.mobile()), SOURCE).session().isPresent(),
                "an hour later the account may try again");
    }

    @Test
    @DisplayName("Rule 6: the 11th text message to one number within an hour is refused and creates no challenge")
    void smsCapPerNumber() {
        TestUsers.Registered r = users.register(); // 1 text message
        TestUser u = r.user();
        for (int i = 2; i <= 10; i++) {
            users.start(u); // a pending account gets a new verification code each time
        }
        long challenges = probe.challengesOf(u.id());
        assertEquals(10, challenges);

        var refused = assertThrows(DomicileException.class, () -> users.start(u));
        assertTrue(refused.getMessage().startsWith("Too many text messages"), refused.getMessage());
        assertEquals(challenges, probe.challengesOf(u.id()), "no challenge without a text message");
        assertEquals(10, users.messagesTo(u.mobile()));

        time.advance(Duration.ofMinutes(61));
        users.start(u);
        assertEquals(challenges + 1, probe.challengesOf(u.id()), "the cap is per hour");
    }

    @Test
    @DisplayName("Rule 24: a registration whose text message cannot be sent leaves no account")
    void registrationWithoutSmsCreatesNothing() {
        TestUsers.Registered first = users.register();
        for (int i = 2; i <= 10; i++) {
            users.start(first.user());
        }
        long accounts = probe.accounts();
        String login = "arq.nosms." + TestUsers.suffix();

        var refused = assertThrows(DomicileException.class, () -> registration.register(new RegistrationForm(login,
                "Arq No Sms", login + "@example.org", first.user().mobile(), "correct horse battery " + login), SOURCE));

        assertTrue(refused.getMessage().startsWith("Too many text messages"), refused.getMessage());
        assertEquals(0, probe.accountsNamed(login));
        assertEquals(accounts, probe.accounts());
    }

    @Test
    @DisplayName("Rule 23/24: a registration rolled back for want of its SMS is not audited as 'registered OK'")
    void rolledBackRegistrationNotAuditedAsDone() {
        TestUsers.Registered first = users.register();
        for (int i = 2; i <= 10; i++) {
            users.start(first.user());
        }
        String login = "arq.nosms." + TestUsers.suffix();
        assertThrows(DomicileException.class, () -> registration.register(new RegistrationForm(login, "Arq No Sms",
                login + "@example.org", first.user().mobile(), "correct horse battery " + login), SOURCE));
        assertEquals(0, probe.accountsNamed(login));

        List<String> lines = probe.auditOf(login);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("account.registered OK")),
                "the audit trail says an account was registered that does not exist: " + lines);
    }

    // ---- rule 7: same answer, same time -------------------------------------------------------

    @Test
    @DisplayName("Rule 7: unknown login and wrong password get the same message in about the same time")
    void loginRefusalsLookAlike() {
        TestUser u = users.active();
        String unknown = "arq.nobody." + TestUsers.suffix();
        Callable<Long> wrongPassword = () -> timed(() -> login.start(u.login(), u.password() + "x", SOURCE));
        Callable<Long> noAccount = () -> timed(() -> login.start(unknown, u.password(), SOURCE));

        long challenges = probe.challengesOf(u.id());
        var a = assertThrows(LoginRefusedException.class, () -> login.start(u.login(), "not the password", SOURCE));
        var b = assertThrows(LoginRefusedException.class, () -> login.start(unknown, "not the password", SOURCE));
        assertEquals(LoginRefusedException.MESSAGE, a.getMessage());
        assertEquals(a.getMessage(), b.getMessage());

        var wrong = new ArrayList<Long>();
        var none = new ArrayList<Long>();
        try {
            for (int i = 0; i < 5; i++) {
                wrong.add(wrongPassword.call());
                none.add(noAccount.call());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        long mw = median(wrong);
        long mn = median(none);
        assertTrue(mw * 3 >= mn && mn * 3 >= mw, "medians " + mw / 1_000_000 + " ms (wrong password) and "
                + mn / 1_000_000 + " ms (no account) differ by more than 3x");
        assertEquals(challenges, probe.challengesOf(u.id()), "a wrong password sends no code");
    }

    // ---- rules 13, 14: timeouts and ending sessions ------------------------------------------

    @Test
    @DisplayName("Rule 13: a session idle for 30 minutes ends; one used within them lives on")
    void idleTimeout() {
        TestUser u = users.active();
        OpenedSession s = users.login(u);

        time.advance(Duration.ofMinutes(29));
        assertTrue(sessions.validate(s.token()).isPresent(), "29 min idle: still open");
        time.advance(Duration.ofMinutes(29));
        assertTrue(sessions.validate(s.token()).isPresent(), "activity renewed the idle time");
        time.advance(Duration.ofMinutes(31));
        assertTrue(sessions.validate(s.token()).isEmpty(), "31 min idle: ended");
        assertEquals(Optional.of("IDLE_TIMEOUT"), probe.sessionEndReason(s.principal().sessionId()));

        time.reset();
        assertTrue(sessions.validate(s.token()).isEmpty(), "an ended session stays ended");
    }

    @Test
    @DisplayName("Rule 13: a session used every 20 minutes ends after 12 hours in total")
    void absoluteTimeout() {
        TestUser u = users.active();
        OpenedSession s = users.login(u);
        for (int i = 1; i <= 35; i++) { // 11 h 40 min
            time.advance(Duration.ofMinutes(20));
            assertTrue(sessions.validate(s.token()).isPresent(), "open after " + (i * 20) + " min of activity");
        }
        time.advance(Duration.ofMinutes(21)); // 12 h 01 min
        assertTrue(sessions.validate(s.token()).isEmpty(), "ended after 12 h");
        assertEquals(Optional.of("ABSOLUTE_TIMEOUT"), probe.sessionEndReason(s.principal().sessionId()));
    }

    @Test
    @DisplayName("Rule 14: logout ends the session on the server")
    void logoutEndsSession() {
        TestUser u = users.active();
        OpenedSession s = users.login(u);
        OpenedSession other = users.login(u);

        login.logout(s.token(), SOURCE);

        assertTrue(sessions.validate(s.token()).isEmpty());
        assertEquals(Optional.of("LOGOUT"), probe.sessionEndReason(s.principal().sessionId()));
        assertTrue(sessions.validate(other.token()).isPresent(), "the user's other session is untouched");
    }

    @Test
    @DisplayName("An unverified user's login verifies his number first and opens no session")
    void unverifiedUserVerifiesFirst() {
        TestUsers.Registered r = users.register();
        ChallengeView view = users.start(r.user());
        assertEquals(Purpose.PHONE_VERIFICATION, view.purpose());
        CodeOutcome outcome = login.confirm(view.challengeId(), users.lastCode(r.user().mobile()), SOURCE);
        assertEquals(Purpose.PHONE_VERIFICATION, outcome.purpose());
        assertTrue(outcome.session().isEmpty());
        assertEquals("ACTIVE", probe.account(r.user().id()).status().name());
        assertEquals(Purpose.LOGIN, users.start(r.user()).purpose(), "verified: the next login is a login");
    }

    @Test
    @DisplayName("Rule 14: disabling an account ends its sessions at once and refuses its next login")
    void disablingEndsSessions() {
        TestUser u = users.active();
        OpenedSession s = users.login(u);
        ChallengeView pending = users.start(u);
        String pendingCode = users.lastCode(u.mobile());

        assertEquals(1, administration.disable("arq-operator", u.id(), "account reported as compromised", SOURCE));

        assertTrue(sessions.validate(s.token()).isEmpty());
        assertEquals(Optional.of("ACCOUNT_DISABLED"), probe.sessionEndReason(s.principal().sessionId()));
        long challenges = probe.challengesOf(u.id());
        var refused = assertThrows(LoginRefusedException.class, () -> users.start(u));
        assertTrue(refused.getMessage().contains("disabled"), refused.getMessage());
        assertEquals(challenges, probe.challengesOf(u.id()), "no code is sent to a disabled account");
        assertThrows(DomicileException.class, () -> login.confirm(pending.challengeId(), pendingCode, SOURCE),
                "a code sent before the account was disabled opens nothing");
        assertEquals(1, probe.rows("office_session", "account_id", u.id()).size(), "no second session");
    }

    @Test
    @DisplayName("Rule 13/14: parallel requests of one session are all served (last-seen update does not fail)")
    void concurrentValidationsOfOneSession() throws Exception {
        TestUser u = users.active();
        OpenedSession s = users.login(u);
        for (int round = 0; round < 5; round++) {
            time.advance(Duration.ofSeconds(31)); // every request now wants to write last-seen
            List<Parallel.Outcome<Optional<SessionPrincipal>>> outcomes = Parallel.times(4, () -> sessions.validate(s.token()));
            for (var o : outcomes) {
                assertTrue(o.succeeded() && o.value().isPresent(), "round " + round + ": " + Parallel.describe(outcomes));
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
        } catch (LoginRefusedException expected) {
            // the refusal is what is timed
        }
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
