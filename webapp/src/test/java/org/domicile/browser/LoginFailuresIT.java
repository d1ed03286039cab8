package org.domicile.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a person sees when a code, a password or a form field is wrong (SECURITY-BASELINE 2, 3, 6, 7, 29). */
@ExtendWith(RunningServer.class)
class LoginFailuresIT {

    private static final String SAME_ANSWER = "Login name or password is wrong.";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private final RunningServer server = RunningServer.get();

    @Test
    void aWrongCodeSaysHowManyTriesAreLeft() {
        Browser b = browsers.open("walter");
        User walter = Journeys.registered(b, server, "walter");
        String code = Journeys.startLogin(b, server, walter);

        b.type("code:code", otherThan(code));
        assertEquals("Wrong code. 4 tries left.", b.submit("code:submit").strip());
        assertEquals("/code.xhtml", b.path());
        assertTrue(b.has("code:code"), "the person can try again");
    }

    @Test
    void fiveWrongCodesUseTheCodeUpEvenForTheRightOne() {
        Browser b = browsers.open("fiona");
        User fiona = Journeys.registered(b, server, "fiona");
        String code = Journeys.startLogin(b, server, fiona);
        // A second tab keeps the code form open, so the right code can still be sent after the lockout.
        String first = b.openTab("/code.xhtml");
        b.element("code:code");
        String second = b.tab();
        b.toTab(first);

        for (int left = 4; left >= 1; left--) {
            b.type("code:code", otherThan(code));
            assertEquals("Wrong code. " + left + (left == 1 ? " try" : " tries") + " left.",
                    b.submit("code:submit").strip());
        }
        b.type("code:code", otherThan(code));
        assertEquals("Too many wrong codes. Please start again to get a new code.", b.submit("code:submit").strip());
        b.element("restart");

        b.toTab(second).type("code:code", code);
        String answer = b.submit("code:submit");
        assertNotEquals(Journeys.OFFICE, b.path(), "the right code after five wrong ones must not open the office");
        assertTrue(!answer.isBlank() || b.has("restart") || Journeys.onLoginPage(b),
                "the refusal must be explained; shows " + b.url());
        b.go(Journeys.OFFICE);
        assertTrue(Journeys.onLoginPage(b), "no office session may exist, shows " + b.url());
    }

    @Test
    void aCodeTypedAfterItsLifetimeIsRefused() {
        Browser b = browsers.open("edgar");
        User edgar = Journeys.registered(b, server, "edgar");
        String code = Journeys.startLogin(b, server, edgar);

        // The server runs with a 20 s code lifetime (DOMICILE_CODE_TTL); a person who is this slow
        // really waits, and the test with him: there is no clock to turn in a running server.
        RunningServer.pause(RunningServer.CODE_TTL.plusSeconds(1).toMillis());

        b.type("code:code", code);
        assertEquals("This code has expired. Please ask for a new one.", b.submit("code:submit").strip());
        assertNotEquals(Journeys.OFFICE, b.path());
    }

    @Test
    void aResentCodeWorksAndTheOldOneNoLonger() {
        Browser b = browsers.open("rosa");
        User rosa = Journeys.registered(b, server, "rosa");
        String oldCode = Journeys.startLogin(b, server, rosa);
        Instant sent = Instant.now();

        // The server allows a new code only after its cooldown (2 s in this run).
        RunningServer.pause(Math.max(0, Duration.between(Instant.now(),
                sent.plus(RunningServer.RESEND_COOLDOWN).plusMillis(300)).toMillis()));
        int before = server.codesFor(rosa.mobile()).size();
        b.click("code:resend");
        String newCode = server.newCodeFor(rosa.mobile(), before);
        b.awaitQuiet();
        assertEquals("/code.xhtml", b.path());

        b.type("code:code", oldCode);
        String answer = b.submit("code:submit");
        assertEquals("/code.xhtml", b.path(), "the old code must be refused after a resend");
        assertFalse(answer.isBlank(), "the refusal of the old code must be explained");

        b.type("code:code", newCode).click("code:submit");
        b.awaitPath(Journeys.OFFICE);
        assertEquals(rosa.displayName(), b.text("office-name").strip());
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        Browser b = browsers.open("victor");
        User victor = Journeys.registered(b, server, "victor");
        int textsBefore = server.codesFor(victor.mobile()).size();

        b.go("/login.xhtml").type("login:loginName", "nobody-" + victor.loginName())
                .type("login:password", victor.password());
        String unknownUser = b.submit("login:submit").strip();
        assertEquals("/login.xhtml", b.path());

        b.go("/login.xhtml").type("login:loginName", victor.loginName())
                .type("login:password", victor.password() + "x");
        String wrongPassword = b.submit("login:submit").strip();
        assertEquals("/login.xhtml", b.path());

        assertEquals(SAME_ANSWER, unknownUser);
        assertEquals(unknownUser, wrongPassword, "the answer must not tell whether the account exists");
        assertEquals(textsBefore, server.codesFor(victor.mobile()).size(), "a wrong password sends no code");
    }

    @Test
    void badRegistrationInputIsExplainedFieldByFieldAndCreatesNothing() {
        Browser b = browsers.open("bernd");
        User bernd = User.fresh("bernd");

        Journeys.fillRegistration(b, new User("a", bernd.displayName(), "nope", "0612345678", "password"));
        String all = b.submit("reg:submit");
        assertEquals("/register.xhtml", b.path());
        assertMentions(all, "login name", "mail", "mobile", "password");
        assertClear(all);

        User badButForTheLogin = new User(bernd.loginName(), bernd.displayName(), "nope", "0612345678", "password");
        Journeys.fillRegistration(b, badButForTheLogin);
        String three = b.submit("reg:submit");
        assertEquals("/register.xhtml", b.path());
        assertMentions(three, "mail", "mobile", "password");
        assertFalse(three.toLowerCase(Locale.ROOT).contains("login name"), "the login name was fine: " + three);

        // Nothing was kept of the refused attempt: the same login name registers now.
        Journeys.register(b, server, bernd);
        assertEquals("/code.xhtml", b.path());
    }

    @Test
    void anOverlongLoginNameGetsAMessageNotAnErrorPage() {
        Browser b = browsers.open("long");
        String huge = "a".repeat(5000);

        b.go("/login.xhtml").paste("login:loginName", huge).type("login:password", "Some-long-password-1");
        String onLogin = b.submit("login:submit");
        assertEquals("/login.xhtml", b.path());
        assertFalse(onLogin.isBlank(), "a refused login must say why");
        assertNoErrorPage(b);

        User u = User.fresh("long");
        Journeys.fillRegistration(b, u);
        b.paste("reg:loginName", huge);
        String onRegister = b.submit("reg:submit");
        assertEquals("/register.xhtml", b.path());
        assertMentions(onRegister, "login name");
        assertNoErrorPage(b);
    }

    private static void assertMentions(String messages, String... fields) {
        String lower = messages.toLowerCase(Locale.ROOT);
        for (String field : fields) {
            assertTrue(lower.contains(field), "expected a message about '" + field + "' in: " + messages);
        }
    }

    /** A message a person understands names the field, not a component id or a validator class. */
    private static void assertClear(String messages) {
        for (String jargon : List.of("reg:", "Validation Error", "Exception", "j_id")) {
            assertFalse(messages.contains(jargon), "message with technical text '" + jargon + "': " + messages);
        }
    }

    private static void assertNoErrorPage(Browser b) {
        String page = b.source();
        for (String sign : List.of("Exception", "HTTP Status 500", "Internal Server Error", "at org.", "at java.")) {
            assertFalse(page.contains(sign), "error page or stack trace (" + sign + ") on " + b.url());
        }
    }

    private static String otherThan(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
