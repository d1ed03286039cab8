package org.domicile.certification.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.domicile.certification.bundle.PdfLayout.Column;
import org.domicile.certification.bundle.PdfLayout.Face;

/**
 * Renders the plain-language evidence report of a correspondence as PDF (Apache PDFBox, standard 14 fonts).
 * The same model always gives the same bytes, so a bundle can be rebuilt identically.
 */
public final class ReportPdf {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ReportPdf() {
    }

    /** The report as PDF bytes. */
    public static byte[] render(ReportModel model) {
        if (model == null) {
            throw new IllegalArgumentException("report model must not be null");
        }
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Evidence report " + model.correspondenceId());
            info.setProducer("Domicile");
            // PDFBox would derive the file identifier from the clock; derive it from the content instead.
            byte[] id = Arrays.copyOf(Digests.sha256(model.toString().getBytes(StandardCharsets.UTF_8)), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().setDocumentID(ids);
            try (PdfLayout layout = new PdfLayout(document)) {
                write(model, layout);
                layout.footers("Evidence report of correspondence " + model.correspondenceId());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the evidence report", e);
        }
    }

    private static void write(ReportModel model, PdfLayout layout) {
        layout.title("Evidence report");
        layout.paragraph("This report sums up how the registered correspondence below was processed. "
                + "It is a reading aid: the proof is the signed files in the same bundle, which anyone can "
                + "check (see the last section).", Face.REGULAR, 10f);
        layout.space(6f);
        layout.field("Correspondence", model.correspondenceId());
        layout.field("Kind", model.kind());
        layout.field("Required assurance level", model.requiredLevel());
        layout.field("Subject", model.subject().isEmpty() ? "hidden until acceptance" : model.subject());

        layout.heading("Parties");
        List<List<String>> parties = new ArrayList<>();
        parties.add(party("Sender", model.sender()));
        for (ReportModel.Party recipient : model.recipients()) {
            parties.add(party("Recipient", recipient));
        }
        layout.table(List.of(new Column("Role", 70f, Face.REGULAR), new Column("Party", 165f, Face.REGULAR),
                new Column("Assurance level", 95f, Face.REGULAR),
                new Column("Authentication method", layout.width() - 330f, Face.REGULAR)), parties);

        layout.heading("Content");
        if (model.contentParts().isEmpty()) {
            layout.paragraph("No content part is listed.", Face.REGULAR, 10f);
        } else {
            List<List<String>> parts = new ArrayList<>();
            model.contentParts().forEach(p -> parts.add(List.of(p.name(), p.sha256())));
            // 64 hex digits in Courier 9 pt take 346 points: the part name gets the rest.
            layout.table(List.of(new Column("Part", 135f, Face.REGULAR),
                    new Column("SHA-256", layout.width() - 135f, Face.MONO)), parts);
        }

        layout.heading("Events");
        if (model.events().isEmpty()) {
            layout.paragraph("No event has been recorded yet.", Face.REGULAR, 10f);
        } else {
            List<List<String>> events = new ArrayList<>();
            for (ReportModel.Event event : model.events()) {
                String meaning = EventMeanings.of(event.event());
                if (!event.reason().isEmpty()) {
                    meaning += ". Reason: " + event.reason();
                }
                events.add(List.of(time(event.time()), event.event(), meaning));
            }
            layout.table(List.of(new Column("Time (UTC)", 100f, Face.REGULAR),
                    new Column("ETSI event", 165f, Face.REGULAR),
                    new Column("Meaning", layout.width() - 265f, Face.REGULAR)), events);
        }

        layout.heading("Certification steps");
        if (model.steps().isEmpty()) {
            layout.paragraph("No processing step has been certified yet.", Face.REGULAR, 10f);
        } else {
            List<List<String>> steps = new ArrayList<>();
            model.steps().forEach(s -> steps.add(List.of(s.step(), s.operator(), time(s.countersignedAt()))));
            layout.table(List.of(new Column("Step", 110f, Face.REGULAR), new Column("Operator", 170f, Face.REGULAR),
                    new Column("Countersigned (UTC)", layout.width() - 280f, Face.REGULAR)), steps);
        }

        layout.heading("How to verify this bundle");
        layout.paragraph("Every file of this bundle can be checked without Domicile, with OpenSSL and sha256sum. "
                + "ca.pem is the certificate of the certification operator: compare its SHA-256 fingerprint "
                + "(openssl x509 -in ca.pem -noout -fingerprint -sha256) with the one the operator publishes. "
                + "Then \"openssl cms -verify\" must succeed on every token and evidence record (.p7m), "
                + "\"openssl ts -verify\" must print \"Verification: OK\" for every time-stamp (.tst) with the "
                + "record it stamps, and \"sha256sum -c digests.txt\" must print OK for every content file you "
                + "hold. README.txt gives the exact commands. The Domicile verifier "
                + "(java -jar domicile-verify.jar verify <bundle.zip>) runs all these checks and also checks "
                + "that the tokens form an unbroken chain.", Face.REGULAR, 10f);
    }

    private static List<String> party(String role, ReportModel.Party party) {
        return List.of(role, party.name(), party.level(), party.authMethod());
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
