package org.domicile.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.domicile.testing.Api;
import org.domicile.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The correspondence drafts API on a whole server: a draft with a PDF, its download as an
 * attachment, validation with the sizes and hashes the client computes, sending with the SMS
 * code, and the refusals (another office, bad input, a file whose content is not its name, no token).
 */
class DraftsApiIT {

    private static final String PASSWORD = "a long enough passphrase";
    private static final Pattern CODE = Pattern.compile("<td class=\"body\">[^<]*?(?<!\\d)(\\d{6})(?!\\d)");

    private static ServerProcess server;
    private static Api api;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static User alice;
    private static User bob;

    private record User(String login, String mobile, String token, String accountId) {
    }

    /** An answer with its bytes and headers, for what {@link Api} does not send. */
    private record Raw(int status, byte[] body, HttpResponse<byte[]> response) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Api.Answer answer() {
            return new Api.Answer(status, text());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    @BeforeAll
    static void start() {
        server = ServerProcess.start("drafts-it", Map.of());
        api = new Api(server.baseUrl());
        alice = user("alice");
        bob = user("bob");
        var added = api.post("/api/office/counterparts", "{\"key\":\"USER:" + bob.accountId() + "\"}", alice.token());
        assertEquals(200, added.status(), added.body());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("A draft with a PDF is downloaded byte for byte, validated with the client's hashes and sent by code")
    void draftFileValidationAndSending() {
        String text = "Dear Bob,\nplease find the contract attached.\nAlice";
        var created = api.post("/api/correspondence", draft("SIMPLE", "Contract", text, bob), alice.token());
        assertEquals(201, created.status(), created.body());
        String id = created.require("id");
        assertEquals("DRAFT", created.require("status"), created.body());
        assertTrue(created.body().contains("\"USER:" + bob.accountId() + "\""), created.body());

        var mine = api.get("/api/correspondence", alice.token());
        assertEquals(200, mine.status(), mine.body());
        assertTrue(mine.body().contains(id), mine.body());
        var one = api.get("/api/correspondence/" + id, alice.token());
        assertEquals(200, one.status(), one.body());
        assertEquals("Contract", one.require("subject"));

        var edited = request("PUT", "/api/correspondence/" + id, "application/json",
                draft("SIMPLE", "Contract 2026", text, bob).getBytes(StandardCharsets.UTF_8), alice.token());
        assertEquals(200, edited.status(), edited.text());
        assertEquals("Contract 2026", edited.answer().require("subject"));

        byte[] pdf = ("%PDF-1.4\n" + "1 0 obj << /Type /Catalog >> endobj\nA small contract for Bob.\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        var uploaded = upload(id, "contrat signé.pdf", pdf, alice.token());
        assertEquals(201, uploaded.status(), uploaded.text());
        String attachmentId = uploaded.answer().require("id");
        assertEquals("application/pdf", uploaded.answer().require("mediaType"), uploaded.text());
        assertEquals(sha256(pdf), uploaded.answer().require("sha256"));

        var download = request("GET", "/api/correspondence/" + id + "/attachments/" + attachmentId, null, null,
                alice.token());
        assertEquals(200, download.status(), download.text());
        assertArrayEquals(pdf, download.body(), "the file comes back byte for byte");
        assertEquals("application/octet-stream", download.header("Content-Type"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertEquals("attachment; filename*=UTF-8''contrat%20sign%C3%A9.pdf", download.header("Content-Disposition"));

        // A second file, removed again.
        var extra = upload(id, "extra.pdf", pdf, alice.token());
        assertEquals(201, extra.status(), extra.text());
        var removed = request("DELETE", "/api/correspondence/" + id + "/attachments/" + extra.answer().require("id"),
                null, null, alice.token());
        assertEquals(204, removed.status(), removed.text());

        var validated = request("POST", "/api/correspondence/" + id + "/validation", null, null, alice.token());
        assertEquals(200, validated.status(), validated.text());
        String v = validated.text();
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(v.contains("\"name\":\"message.txt\""), v);
        assertTrue(v.contains("\"size\":" + message.length), v);
        assertTrue(v.contains("\"sha256\":\"" + sha256(message) + "\""), v);
        assertTrue(v.contains("\"size\":" + pdf.length), v);
        assertTrue(v.contains("\"sha256\":\"" + sha256(pdf) + "\""), v);
        assertTrue(v.contains("\"ready\":true"), v);
        assertEquals(64, validated.answer().require("contentDigest").length(), v);

        var challenge = request("POST", "/api/correspondence/" + id + "/sending", null, null, alice.token());
        assertEquals(201, challenge.status(), challenge.text());
        String challengeId = challenge.answer().require("challengeId");
        String code = latestCode(alice.mobile());

        var wrong = api.post("/api/correspondence/" + id + "/sending/" + challengeId,
                "{\"code\":\"" + (code.equals("000000") ? "111111" : "000000") + "\"}", alice.token());
        assertEquals(401, wrong.status(), wrong.body());
        assertTrue(wrong.field("triesLeft").isPresent(), wrong.body());

        var sent = api.post("/api/correspondence/" + id + "/sending/" + challengeId, "{\"code\":\"" + code + "\"}",
                alice.token());
        assertEquals(200, sent.status(), sent.body());
        assertEquals("SUBMITTED", sent.require("status"), sent.body());
        assertTrue(sent.field("submittedAt").isPresent(), sent.body());

        var afterwards = api.get("/api/correspondence/" + id, alice.token());
        assertEquals("SUBMITTED", afterwards.require("status"), afterwards.body());
        var deleteSent = request("DELETE", "/api/correspondence/" + id, null, null, alice.token());
        assertFalse(deleteSent.status() / 100 == 2, "a sent correspondence cannot be deleted: " + deleteSent.text());
        assertFalse(server.output().contains(code), "Rule 11: a code in the server output");
    }

    @Test
    @DisplayName("Another office's correspondence is not found, for reading, files and changes")
    void otherOfficeGetsNotFound() {
        var created = api.post("/api/correspondence", draft("SIMPLE", "Private", "Only mine", bob), alice.token());
        assertEquals(201, created.status(), created.body());
        String id = created.require("id");
        var uploaded = upload(id, "a.pdf", "%PDF-1.4\nprivate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                alice.token());
        assertEquals(201, uploaded.status(), uploaded.text());

        var read = api.get("/api/correspondence/" + id, bob.token());
        assertEquals(404, read.status(), read.body());
        assertTrue(read.field("error").isPresent(), read.body());
        assertFalse(read.body().contains("Private"), read.body());
        var file = request("GET", "/api/correspondence/" + id + "/attachments/" + uploaded.answer().require("id"),
                null, null, bob.token());
        assertEquals(404, file.status(), file.text());
        assertTrue(file.header("Content-Type").startsWith("application/json"), file.header("Content-Type"));
        assertEquals(404, request("DELETE", "/api/correspondence/" + id, null, null, bob.token()).status());
        assertEquals(404, upload(id, "b.pdf", "%PDF-1.4\nx\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                bob.token()).status());
        assertFalse(api.get("/api/correspondence", bob.token()).body().contains(id));

        var deleted = request("DELETE", "/api/correspondence/" + id, null, null, alice.token());
        assertEquals(204, deleted.status(), deleted.text());
        assertEquals(404, api.get("/api/correspondence/" + id, alice.token()).status());
    }

    @Test
    @DisplayName("Bad input is refused with 400 and the fields to correct; a text file named .pdf is refused")
    void badInput() {
        var bad = api.post("/api/correspondence", draft("POSTCARD", "", "text", bob), alice.token());
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("\"kind\""), bad.body());
        assertTrue(bad.body().contains("\"subject\""), bad.body());

        var malformed = api.post("/api/correspondence", "{\"kind\":", alice.token());
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.field("error").isPresent(), malformed.body());

        var created = api.post("/api/correspondence", draft("SIMPLE", "Files", "text", bob), alice.token());
        assertEquals(201, created.status(), created.body());
        String id = created.require("id");
        var fake = upload(id, "x.pdf", "just some text, not a PDF\n".getBytes(StandardCharsets.UTF_8), alice.token());
        assertEquals(400, fake.status(), fake.text());
        String error = fake.answer().require("error");
        assertTrue(error.contains("x.pdf"), fake.text());
        assertTrue(fake.text().contains("\"file\""), fake.text());
        var noName = upload(id, null, "%PDF-1.4\nx\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), alice.token());
        assertEquals(400, noName.status(), noName.text());
        var noSuchFile = request("GET", "/api/correspondence/" + id + "/attachments/nope", null, null, alice.token());
        assertEquals(404, noSuchFile.status(), noSuchFile.text());
    }

    @Test
    @DisplayName("Uploads may be up to 10 MB, other bodies stay limited to 64 KB")
    void sizeLimits() {
        var created = api.post("/api/correspondence", draft("SIMPLE", "Big", "text", bob), alice.token());
        assertEquals(201, created.status(), created.body());
        String id = created.require("id");
        byte[] big = new byte[200 * 1024];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, big, 0, head.length);
        java.util.Arrays.fill(big, head.length, big.length, (byte) 'a');
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, big, big.length - tail.length, tail.length);
        var uploaded = upload(id, "big.pdf", big, alice.token());
        assertEquals(201, uploaded.status(), uploaded.text());
        assertEquals(String.valueOf(big.length), uploaded.answer().require("size"));

        // Refused by their Content-Length, before the body is sent (Expect: 100-continue).
        var tooBig = request("POST", "/api/correspondence/" + id + "/attachments?name=huge.pdf",
                "application/octet-stream", new byte[11 * 1024 * 1024], alice.token(), true);
        assertEquals(413, tooBig.status(), tooBig.text());
        assertTrue(tooBig.text().contains("10 MB"), tooBig.text());

        String longText = "a".repeat(70 * 1024);
        var json = request("POST", "/api/correspondence", "application/json",
                draft("SIMPLE", "Long", longText, bob).getBytes(StandardCharsets.UTF_8), alice.token(), true);
        assertEquals(413, json.status(), json.text());
        assertTrue(json.text().contains("64 KB"), json.text());
    }

    @Test
    @DisplayName("Without a token every endpoint answers 401")
    void noToken() {
        assertEquals(401, api.get("/api/correspondence", null).status());
        assertEquals(401, api.post("/api/correspondence", draft("SIMPLE", "x", "y", bob), null).status());
        var upload = upload("whatever", "a.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), null);
        assertEquals(401, upload.status(), upload.text());
        assertTrue(upload.answer().field("error").isPresent(), upload.text());
        assertEquals(401, request("GET", "/api/correspondence/x/attachments/y", null, null, null).status());
    }

    private static String draft(String kind, String subject, String text, User to) {
        return "{\"kind\":\"" + kind + "\",\"subject\":\"" + subject + "\",\"text\":\"" + json(text)
                + "\",\"recipients\":[\"USER:" + to.accountId() + "\"]}";
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static Raw upload(String id, String name, byte[] bytes, String token) {
        String query = name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return request("POST", "/api/correspondence/" + id + "/attachments" + query, "application/octet-stream", bytes,
                token);
    }

    private static Raw request(String method, String path, String contentType, byte[] body, String token) {
        return request(method, path, contentType, body, token, false);
    }

    private static Raw request(String method, String path, String contentType, byte[] body, String token,
                               boolean expectContinue) {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60))
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
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static User user(String prefix) {
        String login = Api.newLogin(prefix);
        String mobile = Api.newMobile();
        var challenge = api.register(login, mobile, PASSWORD);
        assertEquals(201, challenge.status(), challenge.body());
        var verified = api.code(challenge.require("challengeId"), latestCode(mobile));
        assertEquals(200, verified.status(), verified.body());
        var login1 = api.login(login, PASSWORD);
        assertEquals(201, login1.status(), login1.body());
        var session = api.code(login1.require("challengeId"), latestCode(mobile));
        assertEquals(200, session.status(), session.body());
        String token = session.require("token");
        var office = api.get("/api/office", token);
        assertEquals(200, office.status(), office.body());
        return new User(login, mobile, token, office.require("accountId"));
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
