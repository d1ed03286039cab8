package org.domicile.certification.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plain-language PDF report, read back with PDFBox's text extraction. */
class ReportPdfTest {

    private static final Instant T = Instant.parse("2026-03-05T14:03:22.123Z");

    private static ReportModel model(String subject, List<ReportModel.Event> events) {
        return new ReportModel("c-1234-abcd", "registered letter", "SUBSTANTIAL", subject,
                new ReportModel.Party("Alice Martin", "HIGH", "password + SMS code"),
                List.of(new ReportModel.Party("Bob Durand", "SUBSTANTIAL", "password + SMS code")),
                List.of(new ReportModel.ContentPart("message.txt", "ab".repeat(32))),
                events, List.of(new ReportModel.Step("SUBMIT", "op-submit", T), new ReportModel.Step("SEAL", "op-seal", T)));
    }

    private static String text(byte[] pdf, int[] pages) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages[0] = document.getNumberOfPages();
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    @DisplayName("the report is a PDF holding the id, the parties, the events and their meaning, the steps")
    void reportHoldsTheFacts() throws Exception {
        byte[] pdf = ReportPdf.render(model("Signed contract", List.of(
                new ReportModel.Event(T, "SubmissionAcceptance", ""),
                new ReportModel.Event(T.plusSeconds(60), "ConsignmentAcceptance", ""),
                new ReportModel.Event(T.plusSeconds(120), "ContentHandover", ""))));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        int[] pages = new int[1];
        String text = text(pdf, pages);
        assertTrue(pages[0] >= 1);
        for (String expected : List.of("Evidence report", "c-1234-abcd", "registered letter", "SUBSTANTIAL",
                "Signed contract", "Alice Martin", "Bob Durand", "password + SMS code", "message.txt", "ab".repeat(32),
                "SubmissionAcceptance", "ConsignmentAcceptance", "the recipient accepted the correspondence",
                "ContentHandover", "2026-03-05 14:03:22", "op-seal", "How to verify this bundle")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
    }

    @Test
    @DisplayName("a hidden subject is shown as hidden until acceptance")
    void hiddenSubject() throws Exception {
        String text = text(ReportPdf.render(model("", List.of())), new int[1]);
        assertTrue(text.contains("hidden until acceptance"), text);
        assertTrue(text.contains("No event has been recorded yet"), text);
    }

    @Test
    @DisplayName("many events and long texts wrap and flow onto further pages")
    void longReportsFlowOverPages() throws Exception {
        List<ReportModel.Event> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(new ReportModel.Event(T.plusSeconds(i), i % 2 == 0 ? "ConsignmentNotification"
                    : "ConsignmentNotificationFailure", i % 2 == 0 ? "" : "mailbox full ".repeat(12)));
        }
        ReportModel model = model("A subject " + "that goes on and on ".repeat(30) + "x".repeat(300), events);
        int[] pages = new int[1];
        String text = text(ReportPdf.render(model), pages);
        assertTrue(pages[0] >= 3, "pages: " + pages[0]);
        assertTrue(text.contains("page 1 of " + pages[0]), text);
        assertTrue(text.contains("ConsignmentNotificationFailure"));
        assertTrue(text.contains("mailbox full"));
    }

    @Test
    @DisplayName("characters outside WinAnsi are replaced, accents kept where WinAnsi has them")
    void nonWinAnsiCharactersAreReplaced() throws Exception {
        ReportModel model = new ReportModel("c-1", "lettre recommandée", "HIGH", "Łódź – 東京 ✓ Ős",
                new ReportModel.Party("Zoë Ñúñez", "HIGH", "eID"), List.of(), List.of(), List.of(), List.of());
        String text = text(ReportPdf.render(model), new int[1]);
        assertTrue(text.contains("lettre recommandée"), text);
        assertTrue(text.contains("Zoë Ñúñez"), text);
        assertTrue(text.contains("Lódz – ?? ? Os"), text);
    }

    @Test
    @DisplayName("the same model gives the same bytes")
    void deterministic() {
        ReportModel model = model("s", List.of(new ReportModel.Event(T, "SubmissionAcceptance", "")));
        assertArrayEquals(ReportPdf.render(model), ReportPdf.render(model));
    }
}
