package org.domicile.testing;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Domicile server as a user runs it: Payara Micro with the packaged WAR in a process of its
 * own, on a data folder of the test's, configured by environment variables only. It can be
 * stopped gently, killed (SIGKILL, as {@code kill -9}) and started again on the same data.
 */
public final class ServerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path workDir;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private Process process;
    private Path log;
    private int starts;

    private ServerProcess(Path workDir, Map<String, String> environment) throws IOException {
        this.workDir = Files.createDirectories(workDir);
        this.environment = Map.copyOf(environment);
        this.port = freePort();
    }

    /**
     * Starts a server on a fresh folder {@code target/<name>-<time>} and waits until it answers.
     * {@code environment} adds to (or overrides) the DOMICILE_* settings of the embedded default.
     */
    public static ServerProcess start(String name, Map<String, String> environment) {
        try {
            Path target = requiredFile("domicile.war").getParent();
            var server = new ServerProcess(target.resolve(name + "-" + System.currentTimeMillis()), environment);
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again) on the same data folder and port, and waits until it answers. */
    public void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        try {
            starts++;
            log = workDir.resolve("server-" + starts + ".log");
            var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", requiredFile("payara.microJar").toString(),
                    "--deploy", requiredFile("domicile.war") + ":/", "--port", Integer.toString(port),
                    "--nocluster", "--disablephonehome", "--rootdir", workDir.resolve("server").toString());
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("DOMICILE_"));
            env.put("DOMICILE_DATA_DIR", dataDir().toString());
            env.put("DOMICILE_PUBLIC_URL", baseUrl());
            env.putAll(environment);
            System.out.println("[server] starting Domicile on port " + port + ", console output: " + log);
            process = builder.start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: the process gets no chance to flush or clean up. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit();
    }

    /** Stops the server and removes its data (the console logs stay for reading). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
        deleteTree(workDir.resolve("data"));
        deleteTree(workDir.resolve("server"));
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path workDir() {
        return workDir;
    }

    /** The server's data folder (database, keys, the local SMS outbox). */
    public Path dataDir() {
        return Path.of(environment.getOrDefault("DOMICILE_DATA_DIR", workDir.resolve("data").toString()));
    }

    public Path log() {
        return log;
    }

    /** Everything the server printed since its first start. */
    public String output() {
        var all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            try {
                Path file = workDir.resolve("server-" + i + ".log");
                if (Files.exists(file)) {
                    all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void awaitReady() {
        Instant started = Instant.now();
        Instant deadline = started.plus(START_TIMEOUT);
        // Payara answers /health/ready before the application is deployed (no checks yet = UP), and
        // reports "ready" even when the deployment failed: a page of the application must answer too,
        // and the API (a 401 without a token), which may still answer 503 when the pages already work.
        while (status("/health/ready") != 200 || status("/index.xhtml") != 200 || status("/api/office") != 401) {
            if (!process.isAlive()) {
                throw new AssertionError("The server stopped while starting (exit " + process.exitValue()
                        + "); console output in " + log + ":\n" + tail(60));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The server was not ready within " + START_TIMEOUT.toSeconds()
                        + " s; console output in " + log + ":\n" + tail(60));
            }
            pause(500);
        }
        System.out.println("[server] Domicile ready at " + baseUrl() + " after "
                + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The file a system property names (set by failsafe from the build); a clear error when it is missing. */
    static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing file (got "
                    + value + "); run these tests through failsafe after 'package'");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("[server] could not delete " + dir + ": " + e);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
