package org.domicile.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.domicile.testing.Api;
import org.domicile.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operator's trust-level change over the API on a whole server: only the certification operator's
 * session may change a level (no session 401, a user's session 403), bad input gets the console's
 * messages, a raise shows in the user's office, and a lowered user's session ends at once.
 */
class ConsolePartiesApiIT {

    private static final String PASSWORD = "a long enough passphrase";
    private static final String JUSTIFICATION = "Identity documents checked at the counter.";
    private static final Pattern CODE = Pattern.compile("<td class=\"body\">[^<]*?(?<!\\d)(\\d{6})(?!\\d)");
    private static final Pattern SETUP_CODE = Pattern.compile("\\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\\b");
    private static final Pattern VIEW_STATE = Pattern.compile(
            "<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ServerProcess server;
    private static Api api;
    private static User operator;

    private record User(String login, String mobile, String token, String accountId) {
    }

    @BeforeAll
    static void start() {
        server = ServerProcess.start("console-parties-it", Map.of());
        api = new Api(server.baseUrl());
        operator = claimOperator();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("Rule 17: without a session 401; a user's session 403, and nothing changes")
    void onlyTheOperator() {
        User alice = user("alice");
        User bob = user("bob");
        var noToken = changeLevel(null, "USER", bob.accountId(), "SUBSTANTIAL", JUSTIFICATION);
        assertEquals(401, noToken.status(), noToken.body());
        assertTrue(noToken.field("error").isPresent(), noToken.body());

        var byUser = changeLevel(alice.token(), "USER", bob.accountId(), "SUBSTANTIAL", JUSTIFICATION);
        assertEquals(403, byUser.status(), byUser.body());
        assertEquals("Only the certification operator may change trust levels.", byUser.require("error"));
        var own = changeLevel(alice.token(), "USER", alice.accountId(), "HIGH", JUSTIFICATION);
        assertEquals(403, own.status(), own.body());

        assertEquals("LOW", levelOf(bob), "a refused change changes nothing");
        assertEquals("LOW", levelOf(alice));
    }

    @Test
    @DisplayName("Rule 29: a bad level, a short justification, a bad party get the console's messages; 404 for no party")
    void badInput() {
        User carol = user("carol");
        var badLevel = changeLevel(operator.token(), "USER", carol.accountId(), "MEDIUM", JUSTIFICATION);
        assertEquals(400, badLevel.status(), badLevel.body());
        assertEquals("Level: choose NONE, LOW, SUBSTANTIAL or HIGH.", badLevel.require("error"));
        assertTrue(badLevel.body().contains("\"level\""), badLevel.body());

        var shortWhy = changeLevel(operator.token(), "USER", carol.accountId(), "SUBSTANTIAL", "because");
        assertEquals(400, shortWhy.status(), shortWhy.body());
        assertTrue(shortWhy.body().contains("\"justification\""), shortWhy.body());

        var badKind = changeLevel(operator.token(), "PERSON", carol.accountId(), "SUBSTANTIAL", JUSTIFICATION);
        assertEquals(400, badKind.status(), badKind.body());
        assertEquals("Party: choose a party from the list.", badKind.require("error"));

        var noBody = put("/api/console/parties/USER/" + carol.accountId() + "/level", "", operator.token());
        assertEquals(400, noBody.status(), noBody.body());

        var ownLevel = changeLevel(operator.token(), "USER", operator.accountId(), "LOW", JUSTIFICATION);
        assertEquals(400, ownLevel.status(), ownLevel.body());
        assertEquals("Party: nobody changes his own trust level.", ownLevel.require("error"));

        var nobody = changeLevel(operator.token(), "USER", "A".repeat(22), "SUBSTANTIAL", JUSTIFICATION);
        assertEquals(404, nobody.status(), nobody.body());
        assertEquals("No such party.", nobody.require("error"));

        assertEquals("LOW", levelOf(carol), "refused changes change nothing");
    }

    @Test
    @DisplayName("Rules 14 and 17: a raise is recorded and shows in the office; lowering ends the user's session")
    void raiseThenLower() {
        User dave = user("dave");
        var raised = changeLevel(operator.token(), "USER", dave.accountId(), "SUBSTANTIAL", JUSTIFICATION);
        assertEquals(200, raised.status(), raised.body());
        assertEquals("USER:" + dave.accountId(), raised.require("party"));
        assertEquals("LOW", raised.require("oldLevel"));
        assertEquals("SUBSTANTIAL", raised.require("newLevel"));
        assertEquals(JUSTIFICATION, raised.require("justification"));
        assertEquals(operator.accountId(), raised.require("changedBy"));
        assertTrue(raised.field("changedAt").isPresent(), raised.body());
        assertEquals("SUBSTANTIAL", levelOf(dave), "a raise keeps the session and shows at once");

        var lowered = changeLevel(operator.token(), "USER", dave.accountId(), "LOW",
                "Identity document reported stolen.");
        assertEquals(200, lowered.status(), lowered.body());
        var after = api.get("/api/office", dave.token());
        assertEquals(401, after.status(), "a lowered user's session ends at once: " + after.body());
    }

    private static Api.Answer changeLevel(String token, String kind, String id, String level, String justification) {
        return put("/api/console/parties/" + kind + "/" + id + "/level", "{\"level\":\"" + level
                + "\",\"justification\":\"" + justification + "\"}", token);
    }

    /** A PUT with a JSON body, which {@link Api} does not send. */
    private static Api.Answer put(String path, String json, String token) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String levelOf(User user) {
        var office = api.get("/api/office", user.token());
        assertEquals(200, office.status(), office.body());
        return office.require("trustLevel");
    }

    private static User user(String prefix) {
        String login = Api.newLogin(prefix);
        String mobile = Api.newMobile();
        var challenge = api.register(login, mobile, PASSWORD);
        assertEquals(201, challenge.status(), challenge.body());
        var verified = api.code(challenge.require("challengeId"), latestCode(mobile));
        assertEquals(200, verified.status(), verified.body());
        return logIn(login, mobile);
    }

    private static User logIn(String login, String mobile) {
        var started = api.login(login, PASSWORD);
        assertEquals(201, started.status(), started.body());
        var session = api.code(started.require("challengeId"), latestCode(mobile));
        assertEquals(200, session.status(), session.body());
        String token = session.require("token");
        var office = api.get("/api/office", token);
        assertEquals(200, office.status(), office.body());
        return new User(login, mobile, token, office.require("accountId"));
    }

    /**
     * Claims the operator account as a person does on the setup page (the one-time code from the server's
     * console, password, mobile number; then the code that verifies the number), and logs in over the API.
     */
    private static User claimOperator() {
        Matcher setupCode = SETUP_CODE.matcher(server.output());
        assertTrue(setupCode.find(), "no setup code on the server console:\n" + server.tail(40));
        String mobile = Api.newMobile();
        var browser = new FormClient(server.baseUrl());
        var setupForm = browser.get("/setup.xhtml");
        var fields = new LinkedHashMap<String, String>();
        fields.put("setup", "setup");
        fields.put("setup:setupCode", setupCode.group());
        fields.put("setup:password", PASSWORD);
        fields.put("setup:mobile", mobile);
        fields.put("setup:submit", "Set up");
        String codePage = browser.submit("/setup.xhtml", setupForm, fields);
        assertTrue(codePage.contains("id=\"code\""), "the setup page leads to the code page:\n" + codePage);
        var codeFields = new LinkedHashMap<String, String>();
        codeFields.put("code", "code");
        codeFields.put("code:code", latestCode(mobile));
        codeFields.put("code:submit", "Confirm");
        String loginPage = browser.submit("/code.xhtml", codePage, codeFields);
        assertTrue(loginPage.contains("verified-info"), "the number is verified:\n" + loginPage);

        User op = logIn("operator", mobile);
        var office = api.get("/api/office", op.token());
        assertEquals("OPERATOR", office.require("role"), office.body());
        return op;
    }

    /** The newest code in the local outbox for this number (the page lists newest first). */
    private static String latestCode(String mobile) {
        var page = api.get("/outbox?to=" + URLEncoder.encode(mobile, StandardCharsets.UTF_8), null).body();
        var code = CODE.matcher(page);
        if (!code.find()) {
            throw new AssertionError("no code for " + mobile + " in the outbox");
        }
        return code.group(1);
    }

    /** A browser without a browser: keeps its cookies, posts JSF forms with their view state, follows redirects. */
    private static final class FormClient {
        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        FormClient(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        String get(String path) {
            return follow(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
        }

        /** Posts the form of {@code page} (its view state added to {@code fields}); the page it leads to. */
        String submit(String path, String page, Map<String, String> fields) {
            Matcher viewState = VIEW_STATE.matcher(page);
            assertTrue(viewState.find(), "no view state on the page:\n" + page);
            var all = new LinkedHashMap<>(fields);
            all.put("jakarta.faces.ViewState", viewState.group(1).replace("&amp;", "&"));
            String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return follow(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))));
        }

        private String follow(HttpResponse<String> response) {
            for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
                String location = response.headers().firstValue("Location").orElseThrow();
                response = send(HttpRequest.newBuilder(URI.create(baseUrl).resolve(location)).GET());
            }
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
