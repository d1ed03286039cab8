package org.domicile.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.domicile.testing.Accounts;
import org.domicile.testing.Accounts.User;
import org.domicile.testing.Api;
import org.domicile.testing.Evidence;
import org.domicile.testing.Letters;
import org.domicile.testing.Outbox;
import org.domicile.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The correspondence drafts API on a whole server: the directory search that finds recipients, a
 * draft with a PDF, its download as an attachment, validation with the sizes and hashes the client
 * computes, sending with the SMS code, and the refusals (another office, bad input, a file whose
 * content is not its name, no token).
 */
class DraftsApiIT {

    private static ServerProcess server;
    private static Api api;

    private static User alice;
    private static User bob;

    @BeforeAll
    static void start() {
        server = ServerProcess.start("drafts-it", Map.of());
        api = new Api(server.baseUrl());
        alice = Accounts.open(api, "alice");
        bob = Accounts.open(api, "bob");
        Accounts.addCounterpart(api, alice, bob);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("Directory search: another user by login name, with name and level only; never oneself; bad queries")
    void directorySearch() {
        var found = api.get("/api/directory?q=" + alice.login(), bob.token());
        assertEquals(200, found.status(), found.body());
        assertEquals(List.of(Map.of("key", alice.key(), "kind", "USER", "displayName", "Test " + alice.login(),
                "trustLevel", "LOW")), found.objects(), "name and level only: no phone, no e-mail address");

        var self = api.get("/api/directory?q=" + alice.login(), alice.token());
        assertEquals(200, self.status(), self.body());
        assertEquals(List.of(), self.objects(), "a user is not offered himself as a recipient");

        var tooShort = api.get("/api/directory?q=a", alice.token());
        assertEquals(400, tooShort.status(), tooShort.body());
        assertTrue(tooShort.body().contains("type 2 to 100 characters"), tooShort.body());
        assertEquals(401, api.get("/api/directory?q=" + alice.login(), null).status(), "only with a session");
    }

    @Test
    @DisplayName("A draft with a PDF is downloaded byte for byte, validated with the client's hashes and sent by code")
    void draftFileValidationAndSending() {
        String text = "Dear Bob,\nplease find the contract attached.\nAlice";
        var created = api.post("/api/correspondence", Letters.draft("SIMPLE", "Contract", text, bob), alice.token());
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

        var edited = api.request("PUT", "/api/correspondence/" + id, "application/json",
                Letters.draft("SIMPLE", "Contract 2026", text, bob).getBytes(StandardCharsets.UTF_8), alice.token());
        assertEquals(200, edited.status(), edited.text());
        assertEquals("Contract 2026", edited.answer().require("subject"));

        byte[] pdf = ("%PDF-1.4\n" + "1 0 obj << /Type /Catalog >> endobj\nA small contract for Bob.\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        var uploaded = api.upload(id, "contrat signé.pdf", pdf, alice.token());
        assertEquals(201, uploaded.status(), uploaded.text());
        String attachmentId = uploaded.answer().require("id");
        assertEquals("application/pdf", uploaded.answer().require("mediaType"), uploaded.text());
        assertEquals(Evidence.sha256(pdf), uploaded.answer().require("sha256"));

        var download = api.request("GET", "/api/correspondence/" + id + "/attachments/" + attachmentId, null, null,
                alice.token());
        assertEquals(200, download.status(), download.text());
        assertArrayEquals(pdf, download.body(), "the file comes back byte for byte");
        assertEquals("application/octet-stream", download.header("Content-Type"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertEquals("attachment; filename*=UTF-8''contrat%20sign%C3%A9.pdf", download.header("Content-Disposition"));

        // A second file, removed again.
        var extra = api.upload(id, "extra.pdf", pdf, alice.token());
        assertEquals(201, extra.status(), extra.text());
        String extraPath = "/api/correspondence/" + id + "/attachments/" + extra.answer().require("id");
        var removed = api.request("DELETE", extraPath, null, null, alice.token());
        assertEquals(204, removed.status(), removed.text());

        var validated = api.request("POST", "/api/correspondence/" + id + "/validation", null, null, alice.token());
        assertEquals(200, validated.status(), validated.text());
        String v = validated.text();
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(v.contains("\"name\":\"message.txt\""), v);
        assertTrue(v.contains("\"size\":" + message.length), v);
        assertTrue(v.contains("\"sha256\":\"" + Evidence.sha256(message) + "\""), v);
        assertTrue(v.contains("\"size\":" + pdf.length), v);
        assertTrue(v.contains("\"sha256\":\"" + Evidence.sha256(pdf) + "\""), v);
        assertTrue(v.contains("\"ready\":true"), v);
        assertEquals(64, validated.answer().require("contentDigest").length(), v);

        var challenge = api.request("POST", "/api/correspondence/" + id + "/sending", null, null, alice.token());
        assertEquals(201, challenge.status(), challenge.text());
        String challengeId = challenge.answer().require("challengeId");
        String code = Outbox.latestCode(api, alice.mobile());

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
        var deleteSent = api.request("DELETE", "/api/correspondence/" + id, null, null, alice.token());
        assertFalse(deleteSent.status() / 100 == 2, "a sent correspondence cannot be deleted: " + deleteSent.text());
        assertFalse(server.output().contains(code), "Rule 11: a code in the server output");
    }

    @Test
    @DisplayName("Another office's correspondence is not found, for reading, files and changes")
    void otherOfficeGetsNotFound() {
        var created = api.post("/api/correspondence", Letters.draft("SIMPLE", "Private", "Only mine", bob),
                alice.token());
        assertEquals(201, created.status(), created.body());
        String id = created.require("id");
        var uploaded = api.upload(id, "a.pdf", "%PDF-1.4\nprivate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                alice.token());
        assertEquals(201, uploaded.status(), uploaded.text());

        var read = api.get("/api/correspondence/" + id, bob.token());
        assertEquals(404, read.status(), read.body());
        assertTrue(read.field("error").isPresent(), read.body());
        assertFalse(read.body().contains("Private"), read.body());
        var file = api.request("GET", "/api/correspondence/" + id + "/attachments/" + uploaded.answer().require("id"),
                null, null, bob.token());
        assertEquals(404, file.status(), file.text());
        assertTrue(file.header("Content-Type").startsWith("application/json"), file.header("Content-Type"));
        assertEquals(404, api.request("DELETE", "/api/correspondence/" + id, null, null, bob.token()).status());
        assertEquals(404, api.upload(id, "b.pdf", "%PDF-1.4\nx\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                bob.token()).status());
        assertFalse(api.get("/api/correspondence", bob.token()).body().contains(id));

        var deleted = api.request("DELETE", "/api/correspondence/" + id, null, null, alice.token());
        assertEquals(204, deleted.status(), deleted.text());
        assertEquals(404, api.get("/api/correspondence/" + id, alice.token()).status());
    }

    @Test
    @DisplayName("Bad input is refused with 400 and the fields to correct; a text file named .pdf is refused")
    void badInput() {
        var bad = api.post("/api/correspondence", Letters.draft("POSTCARD", "", "text", bob), alice.token());
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("\"kind\""), bad.body());
        assertTrue(bad.body().contains("\"subject\""), bad.body());

        var malformed = api.post("/api/correspondence", "{\"kind\":", alice.token());
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.field("error").isPresent(), malformed.body());

        var created = api.post("/api/correspondence", Letters.draft("SIMPLE", "Files", "text", bob), alice.token());
        assertEquals(201, created.status(), created.body());
        String id = created.require("id");
        var fake = api.upload(id, "x.pdf", "just some text, not a PDF\n".getBytes(StandardCharsets.UTF_8),
                alice.token());
        assertEquals(400, fake.status(), fake.text());
        String error = fake.answer().require("error");
        assertTrue(error.contains("x.pdf"), fake.text());
        assertTrue(fake.text().contains("\"file\""), fake.text());
        var noName = api.upload(id, null, "%PDF-1.4\nx\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), alice.token());
        assertEquals(400, noName.status(), noName.text());
        var noSuchFile = api.request("GET", "/api/correspondence/" + id + "/attachments/nope", null, null,
                alice.token());
        assertEquals(404, noSuchFile.status(), noSuchFile.text());
    }

    @Test
    @DisplayName("Uploads may be up to 10 MB, other bodies stay limited to 64 KB")
    void sizeLimits() {
        var created = api.post("/api/correspondence", Letters.draft("SIMPLE", "Big", "text", bob), alice.token());
        assertEquals(201, created.status(), created.body());
        String id = created.require("id");
        byte[] big = new byte[200 * 1024];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, big, 0, head.length);
        java.util.Arrays.fill(big, head.length, big.length, (byte) 'a');
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, big, big.length - tail.length, tail.length);
        var uploaded = api.upload(id, "big.pdf", big, alice.token());
        assertEquals(201, uploaded.status(), uploaded.text());
        assertEquals(String.valueOf(big.length), uploaded.answer().require("size"));

        // Refused by their Content-Length, before the body is sent (Expect: 100-continue).
        var tooBig = api.request("POST", "/api/correspondence/" + id + "/attachments?name=huge.pdf",
                "application/octet-stream", new byte[11 * 1024 * 1024], alice.token(), true);
        assertEquals(413, tooBig.status(), tooBig.text());
        assertTrue(tooBig.text().contains("10 MB"), tooBig.text());

        String longText = "a".repeat(70 * 1024);
        var json = api.request("POST", "/api/correspondence", "application/json",
                Letters.draft("SIMPLE", "Long", longText, bob).getBytes(StandardCharsets.UTF_8), alice.token(), true);
        assertEquals(413, json.status(), json.text());
        assertTrue(json.text().contains("64 KB"), json.text());
    }

    @Test
    @DisplayName("Without a token every endpoint answers 401")
    void noToken() {
        assertEquals(401, api.get("/api/correspondence", null).status());
        assertEquals(401, api.post("/api/correspondence", Letters.draft("SIMPLE", "x", "y", bob), null).status());
        var upload = api.upload("whatever", "a.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), null);
        assertEquals(401, upload.status(), upload.text());
        assertTrue(upload.answer().field("error").isPresent(), upload.text());
        assertEquals(401, api.request("GET", "/api/correspondence/x/attachments/y", null, null, null).status());
    }
}
