package org.domicile.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The certification operator of the benchmark's installation: claimed with the one-time setup code that
 * the server printed on its console at first start, on the setup page as a person does it (password,
 * mobile number, then the code that verifies the number), then logged in over the API. On a server whose
 * operator is already set up, the driver logs in with the password it would have chosen.
 */
final class OperatorAccount {

    static final String LOGIN = "operator";
    static final String MOBILE = "+33610090000";

    private static final String SETUP_HEADER = "One-time setup code for the certification operator:";
    private static final Pattern SETUP_CODE = Pattern.compile("\\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\\b");
    private static final Pattern VIEW_STATE = Pattern.compile(
            "<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final Accounts accounts;
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    OperatorAccount(URI base, Accounts accounts) {
        this.base = base;
        this.accounts = accounts;
    }

    /** The operator's open session: claimed first if the server still waits for its setup code. */
    Accounts.Participant claimAndLogIn(Path serverLog) {
        String setupPage = get("/setup.xhtml");
        if (setupPage.contains("id=\"setup-done\"")) {
            System.out.println("  operator already set up: logging in with the benchmark's operator password");
        } else {
            claim(setupPage, setupCode(serverLog));
        }
        return accounts.logIn(LOGIN, MOBILE, Accounts.PASSWORD);
    }

    private void claim(String setupPage, String setupCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("setup", "setup");
        fields.put("setup:setupCode", setupCode);
        fields.put("setup:password", Accounts.PASSWORD);
        fields.put("setup:mobile", MOBILE);
        fields.put("setup:submit", "Set up");
        Instant asked = accounts.expectCode(MOBILE);
        String codePage = submit("/setup.xhtml", setupPage, fields);
        if (!codePage.contains("id=\"code\"")) {
            throw new ServiceApi.StepFailed("the setup page refused the setup code, password or mobile number");
        }
        Map<String, String> code = new LinkedHashMap<>();
        code.put("code", "code");
        code.put("code:code", accounts.code(MOBILE, asked));
        code.put("code:submit", "Confirm");
        String loginPage = submit("/code.xhtml", codePage, code);
        if (!loginPage.contains("verified-info")) {
            throw new ServiceApi.StepFailed("the code page did not verify the operator's number");
        }
    }

    /** The last setup code printed after the setup header in the server's console output. */
    static String setupCode(Path serverLog) {
        if (serverLog == null) {
            throw new ServiceApi.StepFailed("the operator is not set up yet: give --server-log, the server's console"
                    + " output with its one-time setup code");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(serverLog, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ServiceApi.StepFailed("cannot read the server log " + serverLog + ": " + e.getMessage());
        }
        String code = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(SETUP_HEADER)) {
                for (int j = i; j < Math.min(lines.size(), i + 4); j++) {
                    Matcher m = SETUP_CODE.matcher(lines.get(j));
                    if (m.find()) {
                        code = m.group();
                        break;
                    }
                }
            }
        }
        if (code == null) {
            throw new ServiceApi.StepFailed("no one-time setup code in " + serverLog);
        }
        return code;
    }

    private String get(String path) {
        return follow(send(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    /** Posts the form of {@code page} with its view state; the page it leads to. */
    private String submit(String path, String page, Map<String, String> fields) {
        Matcher viewState = VIEW_STATE.matcher(page);
        if (!viewState.find()) {
            throw new ServiceApi.StepFailed("no form on " + path);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("jakarta.faces.ViewState", viewState.group(1).replace("&amp;", "&"));
        String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    private String follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new ServiceApi.StepFailed("a redirect without a Location"));
            response = send(HttpRequest.newBuilder(base.resolve(location)).GET());
        }
        if (response.statusCode() != 200) {
            throw new ServiceApi.StepFailed("setup pages: HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceApi.StepFailed("setup pages: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceApi.StepFailed("interrupted");
        }
    }
}
