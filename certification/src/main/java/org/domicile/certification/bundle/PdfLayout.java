package org.domicile.certification.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Flowing text on A4 pages with PDFBox: paragraphs and tables that wrap and continue on new pages, in the
 * standard 14 fonts (no font file to embed), with every character reduced to what WinAnsi can show.
 */
final class PdfLayout implements AutoCloseable {

    /** Typefaces; the font objects themselves are per document because PDFBox fonts are not thread-safe. */
    enum Face { REGULAR, BOLD, MONO }

    private static final float MARGIN = 50f;
    private static final float BOTTOM = 60f; // leaves room for the page footer
    private static final float LEADING = 1.35f;
    private static final float CELL_GAP = 8f;

    /** A table column: header, width in points, typeface of its cells. */
    record Column(String header, float width, Face face) {
    }

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private PDPageContentStream stream;
    private float y;

    PdfLayout(PDDocument document) {
        this.document = document;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void title(String text) {
        paragraph(text, Face.BOLD, 18f);
        space(6f);
    }

    void heading(String text) {
        space(10f);
        ensureRoom(3 * 11f * LEADING);
        paragraph(text, Face.BOLD, 12f);
        space(2f);
    }

    void paragraph(String text, Face face, float size) {
        PDType1Font font = font(face);
        for (String line : wrap(text, font, size, width())) {
            ensureRoom(size * LEADING);
            y -= size * LEADING;
            show(line, font, size, MARGIN, y);
        }
    }

    /** A label in bold followed by its value, the value wrapped in the remaining width. */
    void field(String label, String value) {
        float size = 10f;
        float labelWidth = 150f;
        List<String> lines = wrap(value, regular, size, width() - labelWidth);
        for (int i = 0; i < lines.size(); i++) {
            ensureRoom(size * LEADING);
            y -= size * LEADING;
            if (i == 0) {
                show(fit(WinAnsiText.sanitize(label, bold), bold, size, labelWidth - CELL_GAP), bold, size, MARGIN, y);
            }
            show(lines.get(i), regular, size, MARGIN + labelWidth, y);
        }
    }

    /** A table whose header row is repeated on every page it runs onto. */
    void table(List<Column> columns, List<List<String>> rows) {
        float size = 9f;
        float line = size * LEADING;
        headerRow(columns, size);
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                List<String> wrapped = wrap(c < row.size() ? row.get(c) : "", font(column.face()), size,
                        column.width() - CELL_GAP);
                cells.add(wrapped);
                height = Math.max(height, wrapped.size());
            }
            for (int l = 0; l < height; l++) {
                if (y - line < BOTTOM) {
                    newPage();
                    headerRow(columns, size);
                }
                y -= line;
                float x = MARGIN;
                for (int c = 0; c < columns.size(); c++) {
                    List<String> cell = cells.get(c);
                    if (l < cell.size()) {
                        show(cell.get(l), font(columns.get(c).face()), size, x, y);
                    }
                    x += columns.get(c).width();
                }
            }
            y -= 3f;
        }
    }

    void space(float points) {
        y -= points;
    }

    /** Adds "label — page i of n" at the foot of every page; call once all content is written. */
    void footers(String label) throws IOException {
        closeStream();
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = WinAnsiText.sanitize(label + " - page " + (i + 1) + " of " + count, regular);
                footer.beginText();
                footer.setFont(regular, 8f);
                footer.newLineAtOffset(MARGIN, 30f);
                footer.showText(fit(text, regular, 8f, width()));
                footer.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }

    private void headerRow(List<Column> columns, float size) {
        ensureRoom(3 * size * LEADING);
        y -= size * LEADING;
        float x = MARGIN;
        for (Column column : columns) {
            String header = fit(WinAnsiText.sanitize(column.header(), bold), bold, size, column.width() - CELL_GAP);
            show(header, bold, size, x, y);
            x += column.width();
        }
        y -= 3f;
        try {
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + width(), y);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 1f;
    }

    private PDType1Font font(Face face) {
        return switch (face) {
            case REGULAR -> regular;
            case BOLD -> bold;
            case MONO -> mono;
        };
    }

    private void ensureRoom(float height) {
        if (stream == null || y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() {
        try {
            closeStream();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void show(String text, PDType1Font font, float size, float x, float atY) {
        if (text.isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits text into lines no wider than {@code maxWidth}: at spaces, and inside words too long for a line. */
    static List<String> wrap(String text, PDType1Font font, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : sanitizeLines(text, font)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Cuts text that must stay on one line (headers, footers), ending it with "...". */
    private static String fit(String text, PDType1Font font, float size, float maxWidth) {
        if (width(text, font, size) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(cut + "...", font, size) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private static float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("text was not reduced to WinAnsi", e);
        }
    }

    private static List<String> sanitizeLines(String text, PDType1Font font) {
        String normalized = (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        List<String> lines = new ArrayList<>();
        for (String line : normalized.split("\n", -1)) {
            lines.add(WinAnsiText.sanitize(line, font));
        }
        return lines;
    }
}
