package org.domicile.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A letter from end to end, as its two people see it in their browsers. The sender composes a
 * simple letter with a text and a PDF, validates it and sends it with the code from his phone. The
 * chain delivers it in the background: the recipient's office shows it waiting (and his phone gets
 * a notice by SMS). He opens a handover session, is refused with a wrong code (the letter stays waiting),
 * accepts with the right one, reads the text and downloads the PDF as it was sent. Once the chain
 * has archived the letter, sender and recipient each download the evidence bundle, and the
 * stand-alone verifier passes on both with the content each of them holds.
 */
@ExtendWith(RunningServer.class)
class RegisteredLetterJourneyIT {

    private static final String VALIDATE = "/office/validate.xhtml";
    private static final String SEND = "/office/send.xhtml";
    private static final String CORRESPONDENCE = "/office/correspondence.xhtml";
    private static final String INBOX = "/office/inbox.xhtml";
    private static final String RECEIVED = "/office/received.xhtml";
    private static final String EVIDENCE = "/office/evidence.xhtml";

    /** The chain runs in the background: delivery and archiving usually take a few seconds. */
    private static final Duration CHAIN_WAIT = Duration.ofSeconds(60);
    private static final String NOTICE = "waiting for you in your private office";
    private static final String PDF_NAME = "deed.pdf";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private final RunningServer server = RunningServer.get();

    @TempDir
    Path files;

    @Test
    void aLetterIsSentDeliveredAcceptedAndBothBundlesPassTheVerifier() throws Exception {
        Browser recipient = browsers.open("bob");
        User bob = Journeys.inOffice(recipient, server, "bob");
        Browser sender = browsers.open("anna");
        User anna = Journeys.inOffice(sender, server, "anna");
        Journeys.addCounterpart(sender, bob);

        String subject = "Deed of sale " + anna.loginName();
        String typed = "Dear Bob,\nthe signed deed is attached.\nKind regards, Anna";
        // A browser sends a text area's line breaks as CR LF: that is what the server receives and seals.
        byte[] sealedText = typed.replace("\n", "\r\n").getBytes(UTF_8);
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        Path deed = Files.write(files.resolve(PDF_NAME), pdf);
        Path textSent = Files.write(files.resolve("message-sent.txt"), sealedText);

        String id = send(sender, anna, bob, subject, typed, deed);

        // The chain delivers in the background; the recipient's office shows it once it has.
        recipient.go(Journeys.OFFICE);
        recipient.reloadUntilText("inbox-waiting", "1", CHAIN_WAIT);

        recipient.click("link-inbox").awaitPath(INBOX);
        WebElement row = Journeys.rowWith(recipient, "items", subject)
                .orElseThrow(() -> new AssertionError("the letter is in the inbox: " + recipient.text("items")));
        assertTrue(row.getText().contains(anna.displayName()) && row.getText().contains("WAITING"),
                "a simple letter shows its sender, waiting for an answer: " + row.getText());
        row.findElement(By.cssSelector("a[id$='open']")).click();
        recipient.awaitPath(RECEIVED);
        assertEquals("WAITING", recipient.text("status").strip());

        int codesBefore = server.codesFor(bob.mobile()).size();
        String started = recipient.submit("handover:start");
        assertTrue(started.contains("A code was sent to"), "the handover session sends a code: " + started);
        String code = server.newCodeFor(bob.mobile(), codesBefore);

        String wrong = code.equals("000000") ? "111111" : "000000";
        String refused = recipient.type("handover:code", wrong).submit("handover:accept");
        assertTrue(refused.startsWith("Wrong code."), "a wrong code is refused with the service's words: " + refused);
        assertEquals("WAITING", recipient.text("status").strip(), "a wrong code answers nothing");
        assertEquals("1", recipient.inOtherTab(Journeys.OFFICE, b -> b.text("inbox-waiting").strip()),
                "the letter is still waiting in the office");
        assertTrue(recipient.has("handover:code"), "the same session takes the right code");

        String accepted = recipient.type("handover:code", code).submit("handover:accept");
        assertTrue(accepted.contains("You accepted this correspondence."), "the recipient is told: " + accepted);
        assertEquals("ACCEPTED", recipient.text("status").strip());
        assertEquals(typed, recipient.text("text").replace("\r\n", "\n"), "the text is shown as written");

        Path textReceived = recipient.download(downloadButton(recipient, "message.txt"));
        assertArrayEquals(sealedText, Files.readAllBytes(textReceived), "the text part is what the server received");
        Path pdfReceived = recipient.download(downloadButton(recipient, PDF_NAME));
        assertEquals(PDF_NAME, pdfReceived.getFileName().toString(), "the file keeps its name");
        assertArrayEquals(pdf, Files.readAllBytes(pdfReceived), "the PDF arrives byte for byte as sent");

        recipient.click("evidence").awaitPath(EVIDENCE);
        Path recipientBundle = archivedBundle(recipient);

        sender.go(Journeys.OFFICE);
        Journeys.rowWith(sender, "sent-list", subject).orElseThrow()
                .findElement(By.cssSelector("a[id$='open']")).click();
        sender.awaitPath(CORRESPONDENCE);
        assertEquals(id, sender.text("correspondence-id").strip());
        sender.click("link-evidence").awaitPath(EVIDENCE);
        Path senderBundle = archivedBundle(sender);

        verify(senderBundle, textSent, deed);
        verify(recipientBundle, textReceived, pdfReceived);

        // The recipient was told by SMS (queued by the chain, long sent by now): the notice names the
        // kind, never the subject or the content.
        String notice = deliveryNotice(bob).orElseThrow(() -> new AssertionError("no delivery notice to the recipient"));
        assertTrue(notice.contains("simple letter") && !notice.contains(subject) && !notice.contains("Dear Bob"),
                "the notice names the kind, never the subject or the content: " + notice);
    }

    /**
     * From the sender's office: a simple letter to {@code to} with a text and a file, validated, sent
     * and confirmed with the code from the sender's phone. Returns the correspondence id.
     */
    private String send(Browser b, User from, User to, String subject, String text, Path file) {
        Journeys.startCompose(b);
        Journeys.chooseKind(b, "SIMPLE");
        Journeys.addRecipient(b, to);
        b.type("compose:subject", subject).type("compose:text", text);
        Journeys.chooseFile(b, file);
        String added = b.submit("compose:upload");
        assertTrue(added.contains(file.getFileName() + "\u201d was added"), "the file is added: " + added);

        b.submit("compose:validate");
        b.awaitPath(VALIDATE);
        assertEquals("LOW", b.text("required-level").strip(), "a simple letter requires LOW");

        int codesBefore = server.codesFor(from.mobile()).size();
        b.submit("sending:send");
        b.awaitPath(SEND);
        String code = server.newCodeFor(from.mobile(), codesBefore);
        String submitted = b.type("sending:code", code).submit("sending:confirm");
        b.awaitPath(CORRESPONDENCE);
        assertTrue(submitted.contains("Submitted"), "the sender is told: " + submitted);
        return b.text("correspondence-id").strip();
    }

    /** The delivery notice in the recipient's outbox, if one was sent. */
    private Optional<String> deliveryNotice(User recipient) {
        return server.messagesTo(recipient.mobile()).stream()
                .map(OutboxPage.Message::body)
                .filter(body -> body.contains(NOTICE))
                .findFirst();
    }

    /** The id of the Download button in the received letter's row of this part. */
    private static String downloadButton(Browser b, String partName) {
        return Journeys.rowWith(b, "parts:list", partName)
                .orElseThrow(() -> new AssertionError("no part " + partName + ": " + b.text("parts:list")))
                .findElement(By.cssSelector("[id$='download']")).getAttribute("id");
    }

    /** On the evidence page: waits until the chain has archived the letter, then downloads the bundle. */
    private static Path archivedBundle(Browser b) {
        b.reloadUntilText("chain-state", "DONE", CHAIN_WAIT);
        String events = b.text("events");
        assertTrue(events.contains("SubmissionAcceptance") && events.contains("ConsignmentAcceptance"),
                "the evidence events run from submission to acceptance: " + events);
        Path bundle = b.download("bundle:download");
        assertTrue(bundle.getFileName().toString().endsWith(".zip"), "a zip file: " + bundle);
        return bundle;
    }

    /** Runs the stand-alone verifier on a bundle with the text and the PDF its holder has. */
    private void verify(Path bundle, Path text, Path pdf) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("domicile.verifyJar", "../certification/target/domicile-verify.jar"));
        assertTrue(Files.isRegularFile(jar), "the verifier is built with the certification module: " + jar);
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "verify", bundle.toString(),
                "message.txt=" + text, PDF_NAME + "=" + pdf));
        Path output = Files.createTempFile(files, "verify-", ".txt");
        Process verifier = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (!verifier.waitFor(60, TimeUnit.SECONDS)) {
            verifier.destroyForcibly();
            throw new AssertionError("the verifier did not finish within 60 s: " + Files.readString(output));
        }
        String said = Files.readString(output, UTF_8);
        assertEquals(0, verifier.exitValue(), "the verifier passes on " + bundle.getFileName() + ":\n" + said);
        assertTrue(said.lines().anyMatch(line -> line.startsWith("VERIFIED")), "the verifier says so:\n" + said);
    }
}
