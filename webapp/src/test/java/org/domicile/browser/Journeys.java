package org.domicile.browser;

import java.nio.file.Path;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The steps every browser test goes through to reach the part it is about: register, verify the
 * number, log in with password and code. The code is read from the local outbox, as the person
 * would read it on his phone.
 */
final class Journeys {

    static final String OFFICE = "/office/index.xhtml";
    static final String COMPOSE = "/office/compose.xhtml";

    private Journeys() {
    }

    /** Fills the registration form (without sending it). */
    static void fillRegistration(Browser b, User u) {
        b.go("/register.xhtml")
                .type("reg:loginName", u.loginName())
                .type("reg:displayName", u.displayName())
                .type("reg:email", u.email())
                .type("reg:mobile", u.mobile())
                .type("reg:password", u.password());
    }

    /** Registers and arrives on the code page; returns the phone-verification code sent. */
    static String register(Browser b, RunningServer s, User u) {
        int before = s.codesFor(u.mobile()).size();
        fillRegistration(b, u);
        b.click("reg:submit").awaitPath("/code.xhtml");
        return s.newCodeFor(u.mobile(), before);
    }

    static void enterCode(Browser b, String code) {
        b.type("code:code", code).click("code:submit");
    }

    /** A new person, registered, with the number verified; the browser is left on the login page. */
    static User registered(Browser b, RunningServer s, String first) {
        User u = User.fresh(first);
        enterCode(b, register(b, s, u));
        b.awaitPath("/login.xhtml").element("verified-info");
        return u;
    }

    /** Sends login name and password; arrives on the code page and returns the code sent. */
    static String startLogin(Browser b, RunningServer s, String loginName, String password, String mobile) {
        int before = s.codesFor(mobile).size();
        b.go("/login.xhtml").type("login:loginName", loginName).type("login:password", password)
                .click("login:submit").awaitPath("/code.xhtml");
        return s.newCodeFor(mobile, before);
    }

    static String startLogin(Browser b, RunningServer s, User u) {
        return startLogin(b, s, u.loginName(), u.password(), u.mobile());
    }

    /** Password and code: arrives in the office. */
    static void logIn(Browser b, RunningServer s, User u) {
        enterCode(b, startLogin(b, s, u));
        b.awaitPath(OFFICE).element("office-name");
    }

    /** A new person, registered, verified and in his office. */
    static User inOffice(Browser b, RunningServer s, String first) {
        User u = registered(b, s, first);
        logIn(b, s, u);
        return u;
    }

    /** True if the page is the login page (after a redirect from a protected page). */
    static boolean onLoginPage(Browser b) {
        return "/login.xhtml".equals(b.path()) && b.has("login:loginName");
    }

    /** From the office, finds {@code other} in the directory and adds him to the counterparts. */
    static void addCounterpart(Browser b, User other) {
        b.go(OFFICE).type("search:query", other.displayName()).click("search:submit");
        b.awaitText("results", other.displayName());
        rowWith(b, "results", other.displayName()).orElseThrow()
                .findElement(By.cssSelector("[id$='add']")).click();
        b.awaitText("counterparts", other.displayName());
    }

    /** From the office, opens a new correspondence. */
    static void startCompose(Browser b) {
        b.go(OFFICE).click("link-compose").awaitPath(COMPOSE).element("compose:subject");
    }

    /** On the compose page: adds a counterpart as recipient, by the name shown in the list. */
    static void addRecipient(Browser b, User counterpart) {
        Select select = new Select(b.element("compose:counterpart"));
        WebElement option = select.getOptions().stream()
                .filter(o -> o.getText().contains(counterpart.displayName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no counterpart " + counterpart.displayName() + " to choose: "
                        + select.getOptions().stream().map(WebElement::getText).toList()));
        select.selectByValue(option.getAttribute("value"));
        b.click("compose:addCounterpart");
        b.awaitText("compose:recipients", counterpart.displayName());
    }

    /** On the compose page: chooses the kind by its name (SIMPLE, REGISTERED, ...). */
    static void chooseKind(Browser b, String kind) {
        b.until("kind " + kind, d -> d.findElement(By.cssSelector("input[name='compose:kind'][value='" + kind + "']")))
                .click();
    }

    /** On the compose page: chooses a file as a person does in the file picker. */
    static void chooseFile(Browser b, Path file) {
        b.element("compose:file").sendKeys(file.toAbsolutePath().toString());
    }

    /** The row of a table (by id) whose text contains {@code text}. */
    static Optional<WebElement> rowWith(Browser b, String tableId, String text) {
        return b.driver().findElements(By.cssSelector("[id='" + tableId + "'] tbody tr")).stream()
                .filter(r -> r.getText().contains(text))
                .findFirst();
    }
}
