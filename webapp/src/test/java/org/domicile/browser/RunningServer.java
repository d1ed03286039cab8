package org.domicile.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.domicile.testing.ServerProcess;

/**
 * One Domicile server (Payara Micro with the packaged WAR) for every browser test class of a run:
 * started on first use, stopped when JUnit closes its root store (or, failing that, by a shutdown
 * hook). It runs on a fresh data folder with short code lifetimes, so tests need no clock control.
 *
 * <p>Use it as {@code @ExtendWith(RunningServer.class)} and reach it with {@link #get()}.
 */
public final class RunningServer implements BeforeAllCallback {

    /** The code lifetime the server runs with: short, so the expiry test waits only seconds. */
    public static final Duration CODE_TTL = Duration.ofSeconds(20);
    /** The resend cooldown the server runs with. */
    public static final Duration RESEND_COOLDOWN = Duration.ofSeconds(2);

    private static final Duration OUTBOX_WAIT = Duration.ofSeconds(10);
    private static final Pattern SETUP_CODE = Pattern.compile("\\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\\b");
    private static final String SETUP_HEADER = "One-time setup code for the certification operator:";

    private static ServerProcess server;
    private static Throwable startFailure;
    private static final RunningServer INSTANCE = new RunningServer();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** For JUnit ({@code @ExtendWith}); tests use {@link #get()}. */
    public RunningServer() {
    }

    /** The shared server, started (and waited for) on the first call. */
    public static synchronized RunningServer get() {
        if (startFailure != null) {
            throw new AssertionError("The test server did not start (see the first failure)", startFailure);
        }
        if (server == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningServer::stop, "stop-domicile-test-server"));
            try {
                start();
            } catch (RuntimeException | AssertionError e) {
                startFailure = e;
                stop();
                throw e;
            }
        }
        return INSTANCE;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        get();
        // The root store is closed once, after the last test class of the run.
        context.getRoot().getStore(ExtensionContext.Namespace.create(RunningServer.class))
                .getOrComputeIfAbsent("server", k -> (ExtensionContext.Store.CloseableResource) RunningServer::stop);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The file the server's console output goes to. */
    public Path log() {
        return server.log();
    }

    /** The folder under target/ holding this run's data, logs and browser profiles. */
    public Path workDir() {
        return server.workDir();
    }

    /** The build folder (target/) of the web application, where the WAR is. */
    public static Path targetDir() {
        return Path.of(System.getProperty("domicile.war")).toAbsolutePath().getParent();
    }

    /** The operator's one-time setup code, as printed on the server's console at first start. */
    public String setupCode() {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Optional<String> code = findSetupCode(readLog());
            if (code.isPresent()) {
                return code.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No setup code on the server console (" + log() + "):\n" + tail(40));
            }
            pause(200);
        }
    }

    /** The 6-digit code of the newest text message to {@code e164} in the local outbox (waits up to 10 s). */
    public String latestCodeFor(String e164) {
        return newCodeFor(e164, 0);
    }

    /** The code of the newest message to {@code e164}, once there are more than {@code seenBefore} of them. */
    public String newCodeFor(String e164, int seenBefore) {
        Instant deadline = Instant.now().plus(OUTBOX_WAIT);
        while (true) {
            List<String> codes = codesFor(e164);
            if (codes.size() > seenBefore) {
                return codes.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No new text message to " + e164 + " in the outbox within "
                        + OUTBOX_WAIT.toSeconds() + " s (" + codes.size() + " seen, expected more than " + seenBefore + ")");
            }
            pause(250);
        }
    }

    /** The codes of all outbox messages to {@code e164}, newest first. */
    public List<String> codesFor(String e164) {
        return messagesTo(e164).stream()
                .map(OutboxPage.Message::code)
                .flatMap(Optional::stream)
                .toList();
    }

    /** All outbox messages to {@code e164} (codes and notices), newest first. */
    List<OutboxPage.Message> messagesTo(String e164) {
        String page = get("/outbox?to=" + java.net.URLEncoder.encode(e164, StandardCharsets.UTF_8));
        return OutboxPage.parse(page).stream().filter(m -> m.to().equals(e164)).toList();
    }

    /** GET from the server over loopback; fails on any status but 200. */
    public String get(String path) {
        var response = response(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The whole answer to a GET over loopback (no cookies, redirects not followed). */
    public HttpResponse<String> response(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the server's console output. */
    public String tail(int lines) {
        return server.tail(lines);
    }

    private static void start() {
        server = ServerProcess.start("browser-it", Map.of(
                "DOMICILE_CODE_TTL", CODE_TTL.toString(),
                "DOMICILE_CODE_RESEND_COOLDOWN", RESEND_COOLDOWN.toString(),
                "DOMICILE_SMS_PROVIDER", "outbox"));
    }

    private static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static Optional<String> findSetupCode(String consoleOutput) {
        List<String> lines = consoleOutput.lines().toList();
        String code = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(SETUP_HEADER)) {
                // A restart with a renewed code prints a new one: the last wins.
                for (int j = i; j < Math.min(lines.size(), i + 4); j++) {
                    var m = SETUP_CODE.matcher(lines.get(j));
                    if (m.find()) {
                        code = m.group();
                        break;
                    }
                }
            }
        }
        return Optional.ofNullable(code);
    }

    private String readLog() {
        return server.output();
    }

    static void deleteTree(Path dir) {
        ServerProcess.deleteTree(dir);
    }

    static void pause(long millis) {
        ServerProcess.pause(millis);
    }
}
