package org.domicile.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Writing and sending a correspondence in the browser: a simple letter with a file is validated
 * (the page shows every part with the SHA-256 the test computes itself), sent with the code read
 * from the phone (the outbox) after a wrong one, and listed as submitted. Bad input is refused
 * beside its field and changes nothing (SECURITY-BASELINE 29, 27); a draft is deleted after a
 * confirmation.
 */
@ExtendWith(RunningServer.class)
class CorrespondenceComposeIT {

    private static final String DRAFTS = "/office/drafts.xhtml";
    private static final String VALIDATE = "/office/validate.xhtml";
    private static final String SEND = "/office/send.xhtml";
    private static final String CORRESPONDENCE = "/office/correspondence.xhtml";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private final RunningServer server = RunningServer.get();

    @TempDir
    Path files;

    @Test
    void aSimpleLetterWithAFileIsValidatedSentWithTheSmsCodeAndListedAsSubmitted() throws IOException {
        User bob = Journeys.registered(browsers.open("bob"), server, "bob");
        Browser anna = browsers.open("anna");
        User a = Journeys.inOffice(anna, server, "anna");
        assertEquals("LOW", anna.text("office-trust").strip(), "a new user is at level LOW, enough for SIMPLE");
        Journeys.addCounterpart(anna, bob);

        String subject = "Lease renewal " + a.loginName();
        String text = "Dear Bob, the signed lease is attached. Kind regards, Anna";
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        Path lease = Files.write(files.resolve("lease.pdf"), pdf);

        Journeys.startCompose(anna);
        Journeys.chooseKind(anna, "SIMPLE");
        Journeys.addRecipient(anna, bob);
        anna.type("compose:subject", subject).type("compose:text", text);
        Journeys.chooseFile(anna, lease);
        String added = anna.submit("compose:upload");
        assertTrue(added.contains("\u201clease.pdf\u201d was added"), "the file is added: " + added);
        anna.awaitText("compose:attachments", "lease.pdf");
        assertTrue(anna.text("compose:attachments").contains(sha256(pdf)), "the file's SHA-256 is shown");

        anna.submit("compose:validate");
        anna.awaitPath(VALIDATE);
        List<WebElement> parts = anna.driver().findElements(By.cssSelector("[id='parts'] tbody tr"));
        assertEquals(2, parts.size(), "the text and one file: " + anna.text("parts"));
        assertTrue(parts.get(0).getText().contains("message.txt"), "the text is the first part: " + parts.get(0).getText());
        assertTrue(parts.get(0).getText().contains(sha256(text.getBytes(StandardCharsets.UTF_8))),
                "the SHA-256 of the text as typed: " + parts.get(0).getText());
        assertTrue(parts.get(1).getText().contains("lease.pdf") && parts.get(1).getText().contains(sha256(pdf)),
                "the file with its SHA-256: " + parts.get(1).getText());
        assertTrue(anna.text("digest").strip().matches("[0-9a-f]{64}"), "the content digest: " + anna.text("digest"));
        assertEquals("LOW", anna.text("required-level").strip(), "a simple letter requires LOW");
        String levels = anna.text("levels");
        assertTrue(levels.contains(bob.displayName()) && levels.contains("reaches level LOW"),
                "the recipient reaches the level: " + levels);
        String digest = anna.text("digest").strip();

        int codesBefore = server.codesFor(a.mobile()).size();
        anna.submit("sending:send");
        anna.awaitPath(SEND);
        String code = server.newCodeFor(a.mobile(), codesBefore);
        assertEquals(digest, anna.text("digest").strip(), "the code confirms the validated digest");

        String wrong = code.equals("000000") ? "111111" : "000000";
        String refused = anna.type("sending:code", wrong).submit("sending:confirm");
        assertTrue(refused.contains("Wrong code"), "a wrong code is refused clearly: " + refused);
        assertEquals(SEND, anna.path(), "a wrong code sends nothing");
        assertTrue(anna.inOtherTab(DRAFTS, b -> b.text("drafts")).contains(subject),
                "after a wrong code the letter is still a draft");

        String submitted = anna.type("sending:code", code).submit("sending:confirm");
        anna.awaitPath(CORRESPONDENCE);
        assertTrue(submitted.contains("Submitted"), "the sender is told: " + submitted);
        // The processing chain takes the letter on at once: any status past the drafts is right here.
        assertTrue(List.of("Submitted", "Processing", "Delivered").contains(anna.text("status").strip()),
                "status: " + anna.text("status"));
        assertTrue(anna.text("correspondence-id").strip().matches("[A-Za-z0-9_-]{16,64}"),
                "the correspondence id is shown: " + anna.text("correspondence-id"));
        assertEquals(digest, anna.text("digest").strip(), "the submitted content is the validated one");

        anna.go(Journeys.OFFICE);
        anna.awaitText("sent-list", subject);
        WebElement row = Journeys.rowWith(anna, "sent-list", subject).orElseThrow();
        assertTrue(row.getText().matches("(?s).*(Submitted|Processing|Delivered).*"),
                "the Sent list shows the status: " + row.getText());
        anna.go(DRAFTS);
        assertFalse(anna.has("drafts") && anna.text("drafts").contains(subject), "a sent letter is no draft");
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndChangesNothing() throws IOException {
        User bob = Journeys.registered(browsers.open("bob"), server, "bob");
        Browser anna = browsers.open("anna");
        Journeys.inOffice(anna, server, "anna");
        Journeys.addCounterpart(anna, bob);

        Journeys.startCompose(anna);
        Journeys.addRecipient(anna, bob);
        anna.type("compose:text", "A letter without a subject.");
        String refused = anna.submit("compose:save");
        assertTrue(refused.contains("Subject: 1 to 200 characters"), "the rule is said: " + refused);
        assertTrue(fieldError(anna, "compose:subject").contains("Subject: 1 to 200 characters"),
                "the message stands beside the subject field");
        assertFalse(anna.url().contains("id="), "no draft was created: " + anna.url());
        assertEquals("A letter without a subject.", anna.element("compose:text").getAttribute("value"),
                "what was typed stays on the page");
        boolean noDrafts = anna.inOtherTab(DRAFTS, b -> b.has("no-drafts"));
        assertTrue(noDrafts, "nothing was kept");

        String subject = "Invoice " + bob.loginName();
        anna.type("compose:subject", subject);
        anna.submit("compose:save");
        anna.awaitText("messages", "The draft is saved");
        assertTrue(anna.url().contains("id="), "the saved draft has its own address: " + anna.url());

        Path disguised = Files.writeString(files.resolve("scan.png"), "plain words, not an image");
        Journeys.chooseFile(anna, disguised);
        String wrongType = anna.submit("compose:upload");
        assertTrue(wrongType.contains("\"scan.png\" is named .png but its content is plain text"),
                "the file type is checked by content: " + wrongType);
        assertTrue(fieldError(anna, "compose:file").contains("scan.png"), "the message stands beside the file field");
        assertTrue(anna.has("no-files"), "the file was not added");

        anna.submit("compose:delete");
        String deleted = anna.submit("compose:confirmDelete");
        anna.awaitPath(DRAFTS);
        assertTrue(deleted.contains("was deleted"), "a deleted draft is reported: " + deleted);
        assertTrue(anna.has("no-drafts"), "the draft is gone");
    }

    /** The field message shown beside an input (its field's error line). */
    private static String fieldError(Browser b, String inputId) {
        WebElement field = b.element(inputId).findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
        return field.findElements(By.cssSelector(".field-error")).stream().map(WebElement::getText)
                .reduce("", String::concat);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
