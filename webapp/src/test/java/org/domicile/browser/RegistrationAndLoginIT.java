package org.domicile.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * A person registers, verifies his mobile number, logs in with password and SMS code, and logs
 * out; what the outbox page shows; what the session cookies carry (SECURITY-BASELINE 12, 14, 15).
 */
@ExtendWith(RunningServer.class)
class RegistrationAndLoginIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private final RunningServer server = RunningServer.get();

    @Test
    void aPersonRegistersVerifiesHisNumberLogsInAndOut() {
        Browser b = browsers.open("alice");
        User alice = User.fresh("alice");

        b.go("/index.xhtml");
        assertTrue(b.has("link-login"), "the start page links the login");
        b.click("link-register").awaitPath("/register.xhtml");
        b.type("reg:loginName", alice.loginName()).type("reg:displayName", alice.displayName())
                .type("reg:email", alice.email()).type("reg:mobile", alice.mobile())
                .type("reg:password", alice.password()).click("reg:submit").awaitPath("/code.xhtml");

        String info = b.text("code-info");
        assertFalse(info.contains(alice.mobile()), "the code page must mask the number, shows: " + info);
        assertTrue(info.contains(alice.mobile().substring(alice.mobile().length() - 2)),
                "the code page should show the end of the number, shows: " + info);

        Journeys.enterCode(b, codeFromOutboxPage(b, alice.mobile(), 0));
        b.awaitPath("/login.xhtml").element("verified-info");

        b.type("login:loginName", alice.loginName()).type("login:password", alice.password())
                .click("login:submit").awaitPath("/code.xhtml");
        String sessionBeforeCode = b.cookie("JSESSIONID").orElseThrow(
                () -> new AssertionError("no JSESSIONID cookie on the code page"));
        Journeys.enterCode(b, codeFromOutboxPage(b, alice.mobile(), 1));
        b.awaitPath(Journeys.OFFICE);

        assertEquals(alice.displayName(), b.text("office-name").strip());
        assertTrue(b.text("office-login").contains(alice.loginName()), "#office-login: " + b.text("office-login"));
        assertEquals("LOW", b.text("office-trust").strip());
        String sessionAfterCode = b.cookie("JSESSIONID").orElseThrow(
                () -> new AssertionError("no JSESSIONID cookie in the office"));
        assertNotEquals(sessionBeforeCode, sessionAfterCode,
                "the session id must change when the code is accepted (SECURITY-BASELINE 12)");

        Set<Cookie> inOffice = b.driver().manage().getCookies();
        b.click("logoutForm:logout").awaitPath("/login.xhtml").element("bye-info");
        b.go(Journeys.OFFICE);
        assertTrue(Journeys.onLoginPage(b), "after logout the office must send to the login page, shows " + b.url());

        // Logout ends the session on the server: the cookies of before, sent again, open nothing (rule 14).
        inOffice.forEach(c -> b.setCookie(c.getName(), c.getValue()));
        b.go(Journeys.OFFICE);
        assertTrue(Journeys.onLoginPage(b), "the cookies from before the logout still open " + b.url());
    }

    @Test
    void theOutboxShowsEveryTextMessageNewestFirst() {
        Browser b = browsers.open("olga");
        User olga = Journeys.registered(b, server, "olga");
        Journeys.startLogin(b, server, olga);

        b.go("/outbox");
        List<WebElement> rows = b.driver().findElements(By.cssSelector("#outbox tr.sms"));
        List<WebElement> hers = rows.stream()
                .filter(r -> r.findElement(By.cssSelector("td.to")).getText().strip().equals(olga.mobile()))
                .toList();
        assertEquals(2, hers.size(), "one verification and one login message to " + olga.mobile());
        assertEquals(hers.get(0), rows.get(0), "the newest message (olga's login code) must be the first row");
        String newest = hers.get(0).findElement(By.cssSelector("td.body")).getText();
        String older = hers.get(1).findElement(By.cssSelector("td.body")).getText();
        assertTrue(newest.toLowerCase().contains("login") && newest.matches("(?s).*\\b\\d{6}\\b.*"), newest);
        assertTrue(older.toLowerCase().contains("verify") && older.matches("(?s).*\\b\\d{6}\\b.*"), older);
        assertFalse(hers.get(0).findElement(By.cssSelector("td.at")).getText().isBlank(), "each message has a time");

        b.go("/index.xhtml");
        assertTrue(b.has("link-outbox"), "the start page links the outbox while it is in use");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        // What the browser is told to do with the cookie is only in the Set-Cookie header (rule 15).
        List<String> cookies = server.response("/register.xhtml").headers().allValues("set-cookie");
        String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie on the registration page: " + cookies));
        String attributes = session.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), "session cookie without HttpOnly: " + session);
        assertTrue(attributes.contains("; samesite=strict") || attributes.contains("; samesite=lax"),
                "session cookie without SameSite: " + session);
    }

    @Test
    void theOfficeSessionRestsOnAtLeast128RandomBits() {
        Browser b = browsers.open("sam");
        Journeys.inOffice(b, server, "sam");
        Set<Cookie> cookies = b.driver().manage().getCookies();
        String sessionId = b.cookie("JSESSIONID").orElseThrow(() -> new AssertionError("no JSESSIONID in the office"));
        cookies.forEach(c -> assertTrue(c.isHttpOnly(), "cookie " + c.getName() + " is readable by scripts"));

        // All the cookies, carried to another browser, open the office there: the check below is
        // about the cookies, not about something else of the browser.
        Browser copy = browsers.open("copy");
        copy.go("/index.xhtml");
        cookies.forEach(c -> copy.setCookie(c.getName(), c.getValue()));
        copy.go(Journeys.OFFICE);
        assertEquals(Journeys.OFFICE, copy.path(), "the same cookies in another browser should open the office");

        if (bits(sessionId) < 128) {
            // Rule 12: the server's session id is too short to hold 128 random bits, so the office
            // must need another cookie that is long enough, and the session id alone must open nothing.
            int strongest = cookies.stream().filter(c -> !"JSESSIONID".equals(c.getName()))
                    .mapToInt(c -> bits(c.getValue())).max().orElse(0);
            assertTrue(strongest >= 128, "JSESSIONID has at most " + bits(sessionId)
                    + " bits and no other cookie has 128: " + cookies);
            Browser guesser = browsers.open("guesser");
            guesser.go("/index.xhtml").setCookie("JSESSIONID", sessionId).go(Journeys.OFFICE);
            assertTrue(Journeys.onLoginPage(guesser), "the session id alone opens " + guesser.url());
        }
    }

    /** The most random bits a cookie value of this length and alphabet can hold. */
    private static int bits(String value) {
        return value.length() * (value.matches("[0-9a-fA-F]*") ? 4 : 6);
    }

    /**
     * Reads the newest code sent to {@code e164} on the outbox page in a second tab, as a person
     * looks at his phone, waiting for more than {@code seenBefore} messages to that number.
     */
    private static String codeFromOutboxPage(Browser b, String e164, int seenBefore) {
        String path = "/outbox?to=" + URLEncoder.encode(e164, StandardCharsets.UTF_8);
        return b.inOtherTab(path, tab -> tab.until("a new message to " + e164, d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#outbox tr.sms")).stream()
                    .filter(r -> r.findElement(By.cssSelector("td.to")).getText().strip().equals(e164))
                    .toList();
            if (rows.size() <= seenBefore) {
                d.navigate().refresh();
                return null;
            }
            var code = java.util.regex.Pattern.compile("(?<!\\d)\\d{6}(?!\\d)")
                    .matcher(rows.get(0).findElement(By.cssSelector("td.body")).getText());
            return code.find() ? code.group() : null;
        }));
    }
}
