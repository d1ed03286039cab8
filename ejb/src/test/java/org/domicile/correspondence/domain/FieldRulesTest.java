package org.domicile.correspondence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SECURITY-BASELINE 29: the fields of a correspondence, each with its rule. */
class FieldRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"letter.pdf", "Lettre recommandée n°2.PDF", "a", "rapport 2025 (final).docx",
            "日本語.txt", ".profile"})
    @DisplayName("Rule 29: ordinary file names are accepted")
    void goodNames(String name) {
        assertTrue(AttachmentName.parse(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "../etc/passwd", "dir/file.pdf", "C:\\temp\\file.pdf", "line\nbreak.txt",
            "tab\tname.txt", "nul\0.pdf", "invoice\u202Efdp.exe", "bell\u0007.txt", ".", ".."})
    @DisplayName("Rule 29: empty names, path separators, control and bidirectional characters are refused")
    void badNames(String name) {
        assertTrue(AttachmentName.parse(name).isEmpty(), name);
    }

    @Test
    @DisplayName("File names: 200 characters at most (counted as characters, not UTF-16 units), stripped")
    void nameLength() {
        assertTrue(AttachmentName.parse("x".repeat(196) + ".pdf").isPresent());
        assertTrue(AttachmentName.parse("x".repeat(197) + ".pdf").isEmpty());
        assertTrue(AttachmentName.parse("😀".repeat(196) + ".pdf").isPresent(), "emoji are one character each");
        assertEquals("a.pdf", AttachmentName.parse("  a.pdf ").orElseThrow().value());
        assertEquals("pdf", new AttachmentName("A.Report.PDF").extension());
        assertEquals("", new AttachmentName("README").extension());
        assertEquals("", new AttachmentName("dot.").extension());
        assertEquals("", new AttachmentName(".profile").extension(), "a leading dot is no extension");
    }

    @Test
    @DisplayName("Rule 29: subject 1–200 characters on one line, no control or bidirectional characters")
    void subjects() {
        assertEquals("Mise en demeure", Subject.parse("  Mise en demeure ").orElseThrow().value());
        assertTrue(Subject.parse("s".repeat(200)).isPresent());
        assertTrue(Subject.parse("s".repeat(201)).isEmpty());
        assertTrue(Subject.parse("").isEmpty());
        assertTrue(Subject.parse(" \t ").isEmpty());
        assertTrue(Subject.parse(null).isEmpty());
        assertTrue(Subject.parse("two\nlines").isEmpty());
        assertTrue(Subject.parse("escape \u001B[2J").isEmpty());
        assertTrue(Subject.parse("reordered \u202Etxet").isEmpty());
        assertTrue(Subject.parse("lone \uD800 surrogate").isEmpty());
    }

    @Test
    @DisplayName("Subjects are cut to 40 characters with an ellipsis for the SMS")
    void subjectCut() {
        assertEquals("short", new Subject("short").cut(40));
        assertEquals("a".repeat(40) + "…", new Subject("a".repeat(41)).cut(40));
        assertEquals("😀".repeat(40) + "…", new Subject("😀".repeat(50)).cut(40), "never splits a character");
    }

    @Test
    @DisplayName("Rule 29: text 0–100 000 characters, line breaks and tabs allowed, NUL and other controls refused")
    void texts() {
        assertEquals("", MessageText.parse(null).orElseThrow().value());
        assertTrue(MessageText.parse("Line 1\r\nLine 2\n\tindented").isPresent());
        assertTrue(MessageText.parse("x".repeat(100_000)).isPresent());
        assertTrue(MessageText.parse("x".repeat(100_001)).isEmpty());
        assertTrue(MessageText.parse("😀".repeat(100_000)).isPresent(), "counted in characters");
        assertTrue(MessageText.parse("with NUL \0").isEmpty(), "PostgreSQL cannot store NUL in text");
        assertTrue(MessageText.parse("bell \u0007").isEmpty());
        assertTrue(MessageText.parse("lone \uDC00").isEmpty());
        assertTrue(MessageText.parse("cut pair \uD83D").isEmpty(), "a high surrogate at the end");
        assertTrue(MessageText.parse("\uD83D before a letter").isEmpty());
        assertTrue(MessageText.parse("next line \u0085").isEmpty(), "C1 controls too");
        assertTrue(MessageText.parse("😀".repeat(100_000) + "x").isEmpty());
        assertTrue(MessageText.parse("عربي \u200F English").isPresent(), "bidi marks are fine in the text");
        assertFalse(MessageText.parse("confidential").orElseThrow().toString().contains("confidential"),
                "toString hides the text");
    }

    @Test
    @DisplayName("Kinds require LOW, SUBSTANTIAL, HIGH; registered kinds hide sender and subject until acceptance")
    void kinds() {
        assertEquals(TrustLevel.LOW, CorrespondenceKind.SIMPLE.requiredLevel());
        assertEquals(TrustLevel.SUBSTANTIAL, CorrespondenceKind.REGISTERED.requiredLevel());
        assertEquals(TrustLevel.HIGH, CorrespondenceKind.REGISTERED_WITH_ACKNOWLEDGEMENT.requiredLevel());
        assertFalse(CorrespondenceKind.SIMPLE.hidesSenderAndSubjectUntilAcceptance());
        assertTrue(CorrespondenceKind.REGISTERED.hidesSenderAndSubjectUntilAcceptance());
        assertTrue(CorrespondenceKind.REGISTERED_WITH_ACKNOWLEDGEMENT.hidesSenderAndSubjectUntilAcceptance());
        assertEquals(CorrespondenceKind.REGISTERED, CorrespondenceKind.parse(" registered ").orElseThrow());
        assertTrue(CorrespondenceKind.parse("EXPRESS").isEmpty());
        assertTrue(CorrespondenceKind.parse(null).isEmpty());
    }

    @Test
    @DisplayName("Only drafts are editable: every state added later is frozen by default")
    void editableStates() {
        assertTrue(CorrespondenceStatus.DRAFT.isEditable());
        assertTrue(CorrespondenceStatus.VALIDATED.isEditable());
        assertFalse(CorrespondenceStatus.SUBMITTED.isEditable());
    }
}
