package org.domicile.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The private office (directory, counterparts) and the operator console: trust levels changed
 * with a justification, a lowered level ending the user's open session at once (rule 14), and
 * the audit trail naming where each request came from.
 */
@ExtendWith(RunningServer.class)
class OfficeAndConsoleIT {

    /** The certification operator, set up once per server with the console's setup code. */
    private static User operator;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private final RunningServer server = RunningServer.get();

    @Test
    void theDirectoryShowsNameAndLevelButNoContactDetails() {
        Browser bea = browsers.open("bea");
        User b = Journeys.registered(bea, server, "bea");
        Browser anna = browsers.open("anna");
        Journeys.inOffice(anna, server, "anna");

        anna.type("search:query", b.displayName()).click("search:submit");
        String results = anna.awaitText("results", b.displayName());
        WebElement row = rowWith("results", b.displayName(), anna).orElseThrow();
        assertTrue(row.getText().contains("LOW"), "the result shows the trust level: " + row.getText());
        String page = anna.source();
        for (String secret : List.of(b.mobile(), b.mobile().substring(1), b.mobile().substring(3), b.email())) {
            assertFalse(page.contains(secret), "the directory must not reveal " + secret + "; results: " + results);
        }

        row.findElement(By.cssSelector("[id$='add']")).click();
        anna.awaitText("counterparts", b.displayName());

        WebElement counterpart = rowWith("counterparts", b.displayName(), anna).orElseThrow();
        removeButton(counterpart).click();
        anna.until("counterpart removed", d -> rowWith("counterparts", b.displayName(), anna).isEmpty() ? true : null);
    }

    @Test
    void aUserFindsNoConsole() {
        Browser anna = browsers.open("anna");
        Journeys.inOffice(anna, server, "anna");
        assertFalse(anna.has("link-console"), "only operators see the console link");

        anna.go("/console/parties.xhtml");
        assertFalse(anna.has("parties"), "a user must not see the parties table; shows " + anna.url());
        assertFalse(anna.has("trust:submit"), "a user must not see the trust form; shows " + anna.url());
    }

    @Test
    void theOperatorRaisesAUsersLevelWithAJustification() {
        Browser anna = browsers.open("anna");
        User a = Journeys.inOffice(anna, server, "anna");
        Browser op = browsers.open("operator");
        openConsole(op);

        String why = "Identity card checked at the counter " + a.loginName();
        setLevel(op, a, "SUBSTANTIAL", why);
        WebElement change = rowWith("changes", why, op).orElseThrow();
        assertTrue(change.getText().contains("SUBSTANTIAL"), "the change shows the new level: " + change.getText());
        assertTrue(change.getText().contains(a.displayName()) || change.getText().contains(a.loginName()),
                "the change names the user: " + change.getText());

        anna.go(Journeys.OFFICE);
        assertEquals("SUBSTANTIAL", anna.text("office-trust").strip(), "a raised level shows at once");
    }

    @Test
    void loweringALevelEndsTheUsersOpenSessionAtOnce() {
        Browser anna = browsers.open("anna");
        User a = Journeys.inOffice(anna, server, "anna");
        Browser op = browsers.open("operator");
        openConsole(op);

        String why = "Identity document reported stolen " + a.loginName();
        setLevel(op, a, "NONE", why);
        assertTrue(rowWith("changes", why, op).orElseThrow().getText().contains("NONE"));

        anna.go(Journeys.OFFICE);
        assertTrue(Journeys.onLoginPage(anna), "the open session must be ended; shows " + anna.url());

        anna.go("/login.xhtml").type("login:loginName", a.loginName()).type("login:password", a.password());
        String answer = anna.submit("login:submit");
        assertFalse("/code.xhtml".equals(anna.path()) || Journeys.OFFICE.equals(anna.path()),
                "a user at level NONE must not get a code; shows " + anna.url());
        assertFalse(answer.isBlank(), "the refusal must be explained");
    }

    @Test
    void theAuditTrailShowsWhereEachRequestCameFrom() throws IOException {
        // Two clients on other loopback addresses take turns: each refused login must be recorded
        // with the address of its own request, not that of another one served by the same resource.
        String tag = Long.toString(System.nanoTime(), 36);
        Map<String, String> addressOf = new LinkedHashMap<>();
        addressOf.put("ghost-two-" + tag, "127.0.0.2");
        addressOf.put("ghost-three-" + tag, "127.0.0.3");
        for (int round = 0; round < 2; round++) {
            for (var attempt : addressOf.entrySet()) {
                String status = loginAttemptFrom(attempt.getValue(), attempt.getKey());
                assertTrue(status.contains(" 401 "), "an unknown account is refused: " + status);
            }
        }

        Browser op = browsers.open("operator");
        openConsole(op);
        op.click("link-operators").awaitPath("/console/operators.xhtml").element("audit");
        for (var attempt : addressOf.entrySet()) {
            List<String> rows = op.element("audit").findElements(By.cssSelector("tr")).stream()
                    .map(WebElement::getText).filter(t -> t.contains(attempt.getKey())).toList();
            assertEquals(2, rows.size(), "both refused logins of " + attempt.getKey() + " are audited: " + rows);
            for (String row : rows) {
                assertTrue(row.contains("REFUSED") && row.contains(attempt.getValue()),
                        "recorded as refused, from " + attempt.getValue() + ": " + row);
            }
        }
    }

    /** A login with an unknown name through the API, sent from {@code address}; returns the status line. */
    private String loginAttemptFrom(String address, String loginName) throws IOException {
        URI base = URI.create(server.baseUrl());
        byte[] body = ("{\"loginName\":\"" + loginName + "\",\"password\":\"Not the password 42\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /** Sets the operator up (once per server), logs him in, and opens the console from his office. */
    private void openConsole(Browser op) {
        User o = operator(op);
        Journeys.logIn(op, server, o);
        op.click("link-console").awaitPath("/console/parties.xhtml").element("parties");
    }

    private synchronized User operator(Browser op) {
        if (operator == null) {
            User o = User.fresh("operator").withLogin("operator");
            op.go("/index.xhtml").click("link-setup").awaitPath("/setup.xhtml");
            int before = server.codesFor(o.mobile()).size();
            op.type("setup:setupCode", server.setupCode()).type("setup:password", o.password())
                    .type("setup:mobile", o.mobile()).click("setup:submit").awaitPath("/code.xhtml");
            Journeys.enterCode(op, server.newCodeFor(o.mobile(), before));
            op.awaitPath("/login.xhtml").element("verified-info");
            op.go("/index.xhtml");
            assertFalse(op.has("link-setup"), "the setup link goes once the operator is set up");
            operator = o;
        }
        return operator;
    }

    private static void setLevel(Browser op, User user, String level, String justification) {
        choose(op, "trust:party", text -> text.contains(user.loginName()) || text.contains(user.displayName()));
        choose(op, "trust:level", level::equals);
        op.type("trust:justification", justification).click("trust:submit");
        op.awaitText("changes", justification);
    }

    /** Chooses the option whose text matches, in a plain select or a PrimeFaces one (hidden "_input" select). */
    private static void choose(Browser b, String id, java.util.function.Predicate<String> text) {
        WebElement element = b.element(id);
        WebElement select = "select".equals(element.getTagName()) ? element : b.element(id + "_input");
        var options = new Select(select).getOptions();
        WebElement option = options.stream()
                .filter(o -> text.test(o.getAttribute("textContent").strip()) || text.test(o.getAttribute("value")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no matching option in #" + id + ": "
                        + options.stream().map(o -> o.getAttribute("textContent")).toList()));
        if (select.isDisplayed()) {
            new Select(select).selectByValue(option.getAttribute("value"));
        } else {
            b.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                    select, option.getAttribute("value"));
        }
    }

    private static Optional<WebElement> rowWith(String tableId, String text, Browser b) {
        if (!b.has(tableId)) {
            return Optional.empty();
        }
        return b.element(tableId).findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst();
    }

    private static WebElement removeButton(WebElement row) {
        return row.findElements(By.cssSelector("button, a, input[type=submit]")).stream()
                .filter(e -> e.getAttribute("id") != null && e.getAttribute("id").endsWith("remove")
                        || (e.getText() + " " + e.getAttribute("value")).toLowerCase(Locale.ROOT).contains("remove"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no remove button in the counterpart row: " + row.getText()));
    }
}
