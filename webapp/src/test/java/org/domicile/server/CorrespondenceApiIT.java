package org.domicile.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * A correspondence from end to end on a whole server, through the JSON API only (SPEC §3–§4):
 * written with a text and a PDF, sent with the code, delivered, accepted or refused with the
 * recipient's code, archived; the content comes out byte for byte, and both parties' evidence
 * bundles verify offline with domicile-verify.jar and with OpenSSL (SECURITY-BASELINE 21). Another
 * office gets "not found" for all of it (rule 16); bad answers change nothing (rule 29).
 */
class CorrespondenceApiIT {

    private static final Duration CHAIN = Duration.ofSeconds(90);
    private static final String PDF_NAME = "contract.pdf";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
            + "The lease of the flat, renewed for three years.\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private static ServerProcess server;
    private static Api api;
    private static User alice;
    private static User bob;
    private static User carol;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        server = ServerProcess.start("correspondence-it", Map.of());
        api = new Api(server.baseUrl());
        alice = Accounts.open(api, "alice");
        bob = Accounts.open(api, "bob");
        carol = Accounts.open(api, "carol");
        Accounts.addCounterpart(api, alice, bob);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("Sent, delivered, accepted with the code, archived: content byte for byte, both bundles verify")
    void acceptedLetter() throws Exception {
        String text = "Dear Bob,\nthe renewed lease is attached.\nAlice";
        String id = sentLetter("Lease renewal", text);

        Map<String, Object> waiting = Letters.awaitInInbox(api, bob, id, CHAIN);
        assertEquals("WAITING", waiting.get("status"), waiting.toString());
        assertEquals("Lease renewal", waiting.get("subject"), "a simple letter shows its subject before acceptance");
        assertNull(waiting.get("text"), "no content before acceptance: " + waiting);
        var early = api.download("/api/inbox/" + id + "/parts/message.txt", bob.token());
        assertEquals(409, early.status(), "no content before acceptance: " + early.text());

        var challenge = Letters.startHandover(api, bob, id).expect(201, "the handover session");
        String code = Outbox.latestCode(api, bob.mobile());
        var accepted = Letters.answerHandover(api, bob, id, challenge.require("challengeId"), code, "ACCEPT")
                .expect(200, "accepting");
        Map<String, Object> item = accepted.object();
        assertEquals("ACCEPTED", item.get("status"), accepted.body());
        assertEquals(text, item.get("text"));
        @SuppressWarnings("unchecked")
        var parts = (List<Map<String, Object>>) item.get("parts");
        assertEquals(List.of("message.txt", PDF_NAME), parts.stream().map(p -> p.get("name")).toList());

        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> expected = Map.of("message.txt", message, PDF_NAME, PDF);
        for (Map<String, Object> part : parts) {
            String name = (String) part.get("name");
            var download = api.download("/api/inbox/" + id + "/parts/" + name, bob.token());
            assertEquals(200, download.status(), download.text());
            assertArrayEquals(expected.get(name), download.body(), name + " comes back byte for byte");
            assertEquals(Evidence.sha256(download.body()), part.get("sha256"), name);
            assertEquals("nosniff", download.header("X-Content-Type-Options"));
            assertTrue(download.header("Content-Disposition").startsWith("attachment;"),
                    download.header("Content-Disposition"));
        }

        Letters.awaitStatus(api, alice, id, "ARCHIVED", CHAIN);
        // The state alone, for a client that follows its letter: status and counts, no content.
        Map<String, Object> state = api.get("/api/correspondence/" + id + "/summary", alice.token())
                .expect(200, "the state of the letter").object();
        assertEquals("ARCHIVED", state.get("status"), state.toString());
        assertEquals("Lease renewal", state.get("subject"), state.toString());
        assertEquals(1, ((Number) state.get("recipients")).intValue(), state.toString());
        assertEquals(1, ((Number) state.get("attachments")).intValue(), state.toString());
        assertFalse(state.containsKey("text"), "no content in the state: " + state);
        for (User party : List.of(alice, bob)) {
            assertTimeline(party, id, List.of("SubmissionAcceptance", "NotificationForAcceptance",
                    "ConsignmentAcceptance", "ContentHandover"));
        }
        assertInArchive(alice, id, "SENT", "ARCHIVED");
        assertInArchive(bob, id, "RECEIVED", "ACCEPTED");

        for (User party : List.of(alice, bob)) {
            Path dir = Files.createDirectories(folder.resolve(party.login()));
            Path zip = bundle(party, id, dir);
            Files.write(dir.resolve("message.txt"), message);
            Files.write(dir.resolve(PDF_NAME), PDF);
            var verified = Evidence.verifierCommand(dir, "verify", zip.toString(), "message.txt=message.txt",
                    PDF_NAME + "=" + PDF_NAME);
            assertEquals(0, verified.exit(), verified.output());
            assertTrue(verified.output().contains("VERIFIED - ") && !verified.output().contains("NOT VERIFIED"),
                    verified.output());

            byte[] changed = PDF.clone();
            changed[20] ^= 0x01;
            Files.write(dir.resolve("changed.pdf"), changed);
            var tampered = Evidence.verifierCommand(dir, "verify", zip.toString(), "message.txt=message.txt",
                    PDF_NAME + "=changed.pdf");
            assertNotEquals(0, tampered.exit(), tampered.output());
            assertTrue(tampered.output().contains("NOT VERIFIED"), tampered.output());
            assertTrue(tampered.output().lines().anyMatch(l -> l.startsWith("FAIL") && l.contains(PDF_NAME)),
                    "the failing part is named: " + tampered.output());
            assertTrue(tampered.output().lines().noneMatch(l -> l.startsWith("FAIL") && l.contains("message.txt")),
                    tampered.output());

            assertOpenSslVerifies(zip, dir.resolve("extracted"));
        }
        assertFalse(server.output().contains(code), "Rule 11: a code in the server output");
    }

    @Test
    @DisplayName("A bad decision is 400, a wrong code 401 with tries left, neither changes anything; refused, archived")
    void refusedLetterAndBadAnswers() throws Exception {
        String text = "Dear Bob,\nmy offer for the car.\nAlice";
        String id = sentLetter("Car offer", text);
        Letters.awaitInInbox(api, bob, id, CHAIN);
        String challengeId = Letters.startHandover(api, bob, id).expect(201, "the handover session")
                .require("challengeId");
        String code = Outbox.latestCode(api, bob.mobile());

        var maybe = Letters.answerHandover(api, bob, id, challengeId, code, "MAYBE");
        assertEquals(400, maybe.status(), maybe.body());
        assertTrue(maybe.require("error").contains("ACCEPT or REFUSE"), maybe.body());
        assertTrue(maybe.body().contains("\"decision\""), "the field to correct is named: " + maybe.body());
        assertEquals("WAITING", inboxStatus(bob, id));

        var wrong = Letters.answerHandover(api, bob, id, challengeId, code.equals("000000") ? "111111" : "000000",
                "ACCEPT");
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("4", wrong.require("triesLeft"), wrong.body());
        assertTrue(wrong.require("error").contains("4 tries left"), wrong.body());
        assertEquals("WAITING", inboxStatus(bob, id));

        var refused = Letters.answerHandover(api, bob, id, challengeId, code, "REFUSE").expect(200, "refusing");
        assertEquals("REFUSED", refused.require("status"));
        assertNull(refused.object().get("text"), "a refused letter is not released: " + refused.body());
        assertEquals(409, api.download("/api/inbox/" + id + "/parts/message.txt", bob.token()).status());
        var again = Letters.startHandover(api, bob, id);
        assertEquals(409, again.status(), "the answer is final: " + again.body());

        Letters.awaitStatus(api, alice, id, "ARCHIVED", CHAIN);
        var timeline = assertTimeline(alice, id,
                List.of("SubmissionAcceptance", "NotificationForAcceptance", "ConsignmentRejection"));
        assertFalse(timeline.reasons().get(timeline.events().indexOf("ConsignmentRejection")).isBlank(),
                "a refusal gives its reason: " + timeline.json());
        assertInArchive(bob, id, "RECEIVED", "REFUSED");

        Path zip = bundle(alice, id, folder);
        Files.writeString(folder.resolve("message.txt"), text);
        var report = Evidence.verify(zip, Map.of("message.txt", folder.resolve("message.txt"),
                PDF_NAME, writePdf(folder)));
        assertTrue(report.allOk(), report.failures().toString());
    }

    @Test
    @DisplayName("Rule 16: others get 404 for the entry, files, timeline and bundle; the sender has no inbox entry")
    void otherOfficesGetNotFound() {
        String id = sentLetter("Private matter", "Only for Bob.");
        Letters.awaitInInbox(api, bob, id, CHAIN);
        Letters.answer(api, bob, id, "ACCEPT").expect(200, "accepting");

        List<String> reads = List.of("/api/inbox/" + id, "/api/inbox/" + id + "/parts/message.txt",
                "/api/inbox/" + id + "/parts/" + PDF_NAME, "/api/evidence/" + id + "/timeline", "/api/evidence/" + id,
                "/api/correspondence/" + id, "/api/correspondence/" + id + "/summary");
        for (String path : reads) {
            var answer = api.download(path, carol.token());
            assertEquals(404, answer.status(), path + ": " + answer.text());
            assertTrue(answer.header("Content-Type").startsWith("application/json"), path);
            assertFalse(answer.text().contains("Private matter"), path + ": " + answer.text());
        }
        assertEquals(404, Letters.startHandover(api, carol, id).status());
        assertFalse(api.get("/api/inbox", carol.token()).body().contains(id));
        assertFalse(api.get("/api/archive", carol.token()).body().contains(id));

        // The sender follows his letter through the timeline and the archive, not through an inbox.
        assertEquals(404, api.get("/api/inbox/" + id, alice.token()).status());
        assertEquals(404, api.download("/api/inbox/" + id + "/parts/message.txt", alice.token()).status());
        assertEquals(404, Letters.startHandover(api, alice, id).status());
        assertEquals(200, api.get("/api/evidence/" + id + "/timeline", alice.token()).status());

        assertEquals(404, api.get("/api/inbox/" + "0".repeat(26), bob.token()).status());
        assertEquals(404, api.get("/api/evidence/no-such-id", bob.token()).status());
        assertEquals(401, api.get("/api/inbox/" + id, null).status());
        assertEquals(401, api.download("/api/evidence/" + id, null).status());
    }

    /** A simple letter from Alice to Bob with a text and the PDF, sent with the code; returns its id. */
    private static String sentLetter(String subject, String text) {
        String id = Letters.create(api, alice, "SIMPLE", subject, text, bob);
        var uploaded = api.upload(id, PDF_NAME, PDF, alice.token());
        assertEquals(201, uploaded.status(), uploaded.text());
        var sent = Letters.send(api, alice, id).expect(200, "sending " + id);
        assertEquals("SUBMITTED", sent.require("status"), sent.body());
        return id;
    }

    private static String inboxStatus(User recipient, String id) {
        return api.get("/api/inbox/" + id, recipient.token()).expect(200, "the inbox entry").require("status");
    }

    /**
     * The 8 steps countersigned in order and exactly these evidence events of the chain, in this
     * order; the SMS notice's outcome, when it has come, once and positive (the outbox accepts it).
     */
    private static Letters.Timeline assertTimeline(User party, String id, List<String> events) {
        var timeline = Letters.timeline(api, party, id);
        assertEquals("DONE", timeline.state(), timeline.json());
        assertEquals(Letters.STEPS, timeline.steps(), timeline.json());
        assertEquals(events, timeline.chainEvents(), timeline.json());
        assertTrue(List.of(List.of(), List.of("ConsignmentNotification")).contains(timeline.noticeEvents()),
                timeline.json());
        return timeline;
    }

    private static void assertInArchive(User party, String id, String direction, String status) {
        var found = api.get("/api/archive", party.token()).expect(200, "the archive").objects().stream()
                .filter(e -> id.equals(e.get("id"))).toList();
        assertEquals(1, found.size(), "once in the archive of " + party + ": " + found);
        assertEquals(direction, found.get(0).get("direction"), found.toString());
        assertEquals(status, found.get(0).get("status"), found.toString());
    }

    /** Downloads the evidence bundle of {@code party} into {@code dir}. */
    private static Path bundle(User party, String id, Path dir) throws Exception {
        var bundle = api.download("/api/evidence/" + id, party.token());
        assertEquals(200, bundle.status(), bundle.text());
        assertEquals("application/zip", bundle.header("Content-Type"));
        assertTrue(bundle.header("Content-Disposition").startsWith("attachment;"),
                bundle.header("Content-Disposition"));
        return Files.write(dir.resolve("bundle.zip"), bundle.body());
    }

    private static Path writePdf(Path dir) throws Exception {
        return Files.write(dir.resolve(PDF_NAME), PDF);
    }

    /** OpenSSL alone, with only ca.pem trusted, accepts every token, evidence record, time-stamp and certificate. */
    private static void assertOpenSslVerifies(Path zip, Path dir) throws Exception {
        Evidence.extract(Files.readAllBytes(zip), dir);
        var signed = new ArrayList<String>();
        var stamps = new ArrayList<String>();
        var certificates = new ArrayList<String>();
        try (var files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().forEach(name -> {
                if (name.endsWith(".p7m")) {
                    signed.add(name);
                } else if (name.endsWith(".tst")) {
                    stamps.add(name);
                } else if (name.startsWith("certificates/")) {
                    certificates.add(name);
                }
            });
        }
        assertEquals(8 * 4, signed.stream().filter(n -> n.startsWith("tokens/")).count(), signed.toString());
        assertTrue(signed.contains("evidence/01-SubmissionAcceptance.p7m"), signed.toString());
        for (String p7m : signed) {
            var cms = Evidence.openssl(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", p7m, "-CAfile",
                    "ca.pem", "-purpose", "any", "-out", "verified-content.bin");
            assertEquals(0, cms.exit(), p7m + ": " + cms.output());
            assertTrue(cms.output().contains("Verification successful"), p7m + ": " + cms.output());
        }
        assertEquals(signed.stream().filter(n -> n.startsWith("evidence/")).count(), stamps.size(), stamps.toString());
        for (String tst : stamps) {
            var ts = Evidence.openssl(dir, "ts", "-verify", "-in", tst, "-token_in", "-data",
                    tst.replace(".tst", ".p7m"), "-CAfile", "ca.pem", "-untrusted", "certificates/tsa.pem");
            assertEquals(0, ts.exit(), tst + ": " + ts.output());
            assertTrue(ts.output().contains("Verification: OK"), tst + ": " + ts.output());
        }
        var command = new ArrayList<>(List.of("verify", "-CAfile", "ca.pem"));
        command.addAll(certificates);
        var chain = Evidence.openssl(dir, command.toArray(String[]::new));
        assertEquals(0, chain.exit(), chain.output());
    }
}
