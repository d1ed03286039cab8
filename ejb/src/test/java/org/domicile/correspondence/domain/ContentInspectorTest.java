package org.domicile.correspondence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.domicile.platform.BadInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SECURITY-BASELINE 27: a file's type is found in its content; the name must agree. */
class ContentInspectorTest {

    private final ContentInspector inspector = new ContentInspector();

    private ContentType inspect(String name, byte[] content) {
        return inspector.inspect(new AttachmentName(name), content);
    }

    private String refusal(String name, byte[] content) {
        var e = assertThrows(BadInputException.class, () -> inspect(name, content));
        assertEquals(ContentInspector.FIELD, e.fieldErrors().keySet().iterator().next());
        return e.getMessage();
    }

    @Test
    @DisplayName("Rule 27: PDF, PNG, JPEG, UTF-8 text, DOCX, XLSX and ODT are recognised by their bytes")
    void recognisesAcceptedTypes() {
        assertEquals(ContentType.PDF, inspect("letter.pdf", Samples.pdf()));
        assertEquals(ContentType.PNG, inspect("scan.png", Samples.png()));
        assertEquals(ContentType.JPEG, inspect("photo.jpg", Samples.jpeg()));
        assertEquals(ContentType.JPEG, inspect("photo.JPEG", Samples.jpeg()));
        assertEquals(ContentType.TEXT, inspect("notes.txt", Samples.text()));
        assertEquals(ContentType.DOCX, inspect("contract.docx", Samples.docx()));
        assertEquals(ContentType.XLSX, inspect("figures.xlsx", Samples.xlsx()));
        assertEquals(ContentType.ODT, inspect("lettre.odt", Samples.odt()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a PDF named .txt, notes.txt, PDF",
            "text named .pdf, letter.pdf, TEXT",
            "a PNG named .jpg, photo.jpg, PNG",
            "a DOCX named .xlsx, figures.xlsx, DOCX",
            "a PDF named .exe, setup.exe, PDF"})
    @DisplayName("Rule 27: the extension must agree with the content")
    void extensionMustAgree(String what, String name, ContentType content) {
        byte[] bytes = switch (content) {
            case PDF -> Samples.pdf();
            case TEXT -> "just some text, not a PDF".getBytes(StandardCharsets.UTF_8);
            case PNG -> Samples.png();
            case DOCX -> Samples.docx();
            default -> throw new IllegalArgumentException();
        };
        String message = refusal(name, bytes);
        assertTrue(message.contains("\"" + name + "\""), message);
        assertTrue(message.contains(content.label()), message);
    }

    @Test
    @DisplayName("Rule 27: a text file disguised as PDF is told what it really is")
    void textNamedPdf() {
        assertEquals("\"invoice.pdf\" is named .pdf but its content is plain text (UTF-8). A file of this type"
                + " must be named .txt.", refusal("invoice.pdf", "%PD not quite a PDF".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("A name without an extension is told the extension to use")
    void noExtension() {
        assertTrue(refusal("letter", Samples.pdf()).contains("name it .pdf"));
    }

    @Test
    @DisplayName("Rule 27: unknown binary content, text with NUL and invalid UTF-8 are refused")
    void unknownContent() {
        assertTrue(refusal("tool.txt", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}).contains("not accepted"));
        assertTrue(refusal("a.txt", "text\0with a NUL".getBytes(StandardCharsets.UTF_8)).contains("not accepted"));
        assertTrue(refusal("a.txt", new byte[] {'a', (byte) 0xC3}).contains("not accepted"), "truncated UTF-8");
        assertTrue(refusal("a.txt", new byte[] {(byte) 0xC0, (byte) 0xAF}).contains("not accepted"), "overlong");
        assertTrue(refusal("a.txt", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).contains("not accepted"),
                "encoded surrogate");
        assertFalse(ContentInspector.isUtf8Text(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}));
    }

    @Test
    @DisplayName("Empty files and files over 10 MB are refused")
    void sizeLimits() {
        assertEquals("\"empty.txt\" is empty.", refusal("empty.txt", new byte[0]));
        byte[] big = new byte[(int) ContentInspector.MAX_FILE_BYTES + 1];
        System.arraycopy(Samples.pdf(), 0, big, 0, Samples.pdf().length);
        assertTrue(refusal("big.pdf", big).contains("larger than 10 MB"));
        byte[] justFits = new byte[(int) ContentInspector.MAX_FILE_BYTES];
        System.arraycopy(Samples.pdf(), 0, justFits, 0, Samples.pdf().length);
        assertEquals(ContentType.PDF, inspect("fits.pdf", justFits));
    }

    @Test
    @DisplayName("Rule 27: a ZIP that is no office document is refused, whatever its name")
    void plainZipRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        entries.put("tool.exe", new byte[] {'M', 'Z'});
        String message = refusal("contract.docx", Samples.zip(entries));
        assertTrue(message.contains("not an accepted office document"), message);
    }

    @Test
    @DisplayName("Rule 27: a zip bomb named .docx is refused before it is unpacked")
    void bombRefused() {
        byte[] bomb = Samples.bomb();
        assertTrue(bomb.length < 200_000, "the bomb is small: " + bomb.length);
        String message = refusal("contract.docx", bomb);
        assertTrue(message.startsWith("\"contract.docx\" was refused: "), message);
        assertTrue(message.contains("zip bomb"), message);
    }
}
