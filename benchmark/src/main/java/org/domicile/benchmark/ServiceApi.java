package org.domicile.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.domicile.certification.json.Json;

/**
 * The driver's client of the server's JSON API: one shared HTTP/1.1 client, bearer tokens, answers with
 * their JSON. Answers are checked with {@link Answer#expect}, which names the route (never an id, a code or
 * a token) in what it reports.
 */
final class ServiceApi {

    /** The sentence of the server's 404 for an address no resource answers (as opposed to an unknown id). */
    static final String NO_SUCH_ADDRESS = "There is nothing at this address.";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A refused or unexpected answer; its message is the same for the same problem, so they can be counted. */
    static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** The server has no such endpoint: this build cannot run the benchmark. */
    static final class MissingEndpoint extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingEndpoint(String route) {
            super(route + " answered 404 (" + NO_SUCH_ADDRESS + "): this server build does not have this endpoint",
                    null, false, false);
        }
    }

    /** Status and body of an answer. */
    record Answer(int status, String body) {

        /** This answer if its status is {@code expected}; otherwise a {@link StepFailed} naming the route. */
        Answer expect(int expected, String route) {
            if (status == expected) {
                return this;
            }
            if (status == 404 && (error() == null || NO_SUCH_ADDRESS.equals(error()))) {
                throw new MissingEndpoint(route);
            }
            throw new StepFailed(route + ": " + problem());
        }

        /** This answer if its status is 200, 201 or 204; otherwise as {@link #expect}. */
        Answer expectSuccess(String route) {
            return status == 200 || status == 201 || status == 204 ? this : expect(200, route);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            Object value = Json.parse(body);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new StepFailed("expected a JSON object, got " + shorten(body));
        }

        @SuppressWarnings("unchecked")
        List<Object> array() {
            Object value = Json.parse(body);
            if (value instanceof List<?> list) {
                return (List<Object>) list;
            }
            throw new StepFailed("expected a JSON array, got " + shorten(body));
        }

        /** A text field of the object answer; a {@link StepFailed} when it is missing. */
        String text(String name) {
            Object value = object().get(name);
            if (value == null || value == Json.NULL) {
                throw new StepFailed("no \"" + name + "\" in the answer " + shorten(body));
            }
            return value.toString();
        }

        /** "HTTP 429: Too many ..." for the report: the server's sentence, never a token. */
        String problem() {
            String error = error();
            return "HTTP " + status + (error == null ? "" : ": " + error);
        }

        private String error() {
            try {
                return Json.parse(body) instanceof Map<?, ?> map && map.get("error") instanceof String s ? s : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static String shorten(String text) {
            return text == null ? "nothing" : text.length() <= 120 ? text : text.substring(0, 117) + "...";
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServiceApi(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer post(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer put(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new StepFailed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }
}
