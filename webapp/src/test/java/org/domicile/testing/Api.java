package org.domicile.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.domicile.certification.json.Json;

/** A small client of the JSON API, as a program using Domicile would call it. */
public final class Api {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status and body, with a reader for flat JSON string/number fields. */
    public record Answer(int status, String body) {
        public Optional<String> field(String name) {
            var m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.a-z]+)")
                    .matcher(body);
            return m.find() ? Optional.of(m.group(2) != null ? m.group(2) : m.group(1)) : Optional.empty();
        }

        public String require(String name) {
            return field(name).orElseThrow(() -> new AssertionError("no \"" + name + "\" in " + status + " " + body));
        }

        /** This answer if it has {@code expected} status; otherwise an assertion error saying what was being done. */
        public Answer expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }

        /** The body as a JSON object. */
        public Map<String, Object> object() {
            return Json.parseObject(body);
        }

        /** The body as a JSON array of objects. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> objects() {
            return (List<Map<String, Object>>) (List<?>) Json.parseArray(body);
        }
    }

    public Answer post(String path, String json) {
        return post(path, json, null);
    }

    public Answer post(String path, String json, String token) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    public Answer get(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET();
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    /** An answer with its bytes and headers: downloads, uploads, and whatever {@link Answer} does not show. */
    public record Raw(int status, byte[] body, HttpHeaders headers) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Answer answer() {
            return new Answer(status, text());
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Any request; {@code body} and {@code contentType} may be null, as may {@code token}. */
    public Raw request(String method, String path, String contentType, byte[] body, String token) {
        return request(method, path, contentType, body, token, false);
    }

    /** As {@link #request(String, String, String, byte[], String)}; {@code expectContinue}: body only after a 100. */
    public Raw request(String method, String path, String contentType, byte[] body, String token,
                       boolean expectContinue) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .version(HttpClient.Version.HTTP_1_1).expectContinue(expectContinue)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download: the bytes as the server sent them. */
    public Raw download(String path, String token) {
        return request("GET", path, null, null, token);
    }

    /** A POST without a body (validation, sending, handover). */
    public Answer postEmpty(String path, String token) {
        return request("POST", path, null, null, token).answer();
    }

    /** Adds a file to a draft: its raw bytes, its name in the query. */
    public Raw upload(String correspondenceId, String name, byte[] bytes, String token) {
        String query = name == null ? ""
                : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return request("POST", "/api/correspondence/" + correspondenceId + "/attachments" + query,
                "application/octet-stream", bytes, token);
    }

    /** A form POST with extra headers (name, value, name, value…), as Twilio sends its callbacks. */
    public Answer postForm(String url, String form, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Registers an account; its code goes wherever the server sends text messages. */
    public Answer register(String login, String mobile, String password) {
        return post("/api/accounts", "{\"loginName\":\"" + login + "\",\"displayName\":\"Test " + login
                + "\",\"email\":\"" + login + "@example.org\",\"mobile\":\"" + mobile + "\",\"password\":\""
                + password + "\"}");
    }

    public Answer login(String login, String password) {
        return post("/api/sessions", "{\"loginName\":\"" + login + "\",\"password\":\"" + password + "\"}");
    }

    public Answer code(String challengeId, String code) {
        return post("/api/sessions/" + challengeId + "/code", "{\"code\":\"" + code + "\"}");
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A unique, valid French mobile number for a test user. */
    public static String newMobile() {
        return "+3361" + String.format("%07d", new java.security.SecureRandom().nextInt(10_000_000));
    }

    /** A unique login name for a test user. */
    public static String newLogin(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
