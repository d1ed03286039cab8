package org.domicile.correspondence.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.domicile.platform.BadInputException;

/**
 * Decides what a file is from its bytes, not from its name (SECURITY-BASELINE 27): PDF, PNG and
 * JPEG by their signatures, office documents by the parts inside their ZIP container (read with
 * {@link ZipGuard}'s limits), plain text when the bytes are valid UTF-8 without NUL. The name's
 * extension must then agree with what the content is. Every refusal says which file and why.
 */
public final class ContentInspector {

    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final String FIELD = "file";

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final ZipGuard zips;

    public ContentInspector() {
        this(new ZipGuard());
    }

    ContentInspector(ZipGuard zips) {
        this.zips = zips;
    }

    /** The type of {@code content}; refused with a clear message if it is not accepted or not what the name says. */
    public ContentType inspect(AttachmentName name, byte[] content) {
        String quoted = "\"" + name.value() + "\"";
        if (content.length == 0) {
            throw refused(quoted + " is empty.");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw refused(quoted + " is larger than 10 MB, the limit for one file.");
        }
        ContentType type = detect(quoted, content).orElseThrow(() -> refused(quoted
                + ": this type of file is not accepted. Accepted: " + ContentType.acceptedLabels() + "."));
        String extension = name.extension();
        if (!type.allowsExtension(extension)) {
            String expected = "." + String.join(" or .", type.extensions());
            throw refused(extension.isEmpty()
                    ? quoted + " has no extension, but its content is " + type.label() + ": name it " + expected + "."
                    : quoted + " is named ." + extension + " but its content is " + type.label()
                            + ". A file of this type must be named " + expected + ".");
        }
        return type;
    }

    private Optional<ContentType> detect(String quoted, byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of(ContentType.PDF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(ContentType.PNG);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(ContentType.JPEG);
        }
        if (startsWith(content, ZIP)) {
            return Optional.of(office(quoted, content));
        }
        return isUtf8Text(content) ? Optional.of(ContentType.TEXT) : Optional.empty();
    }

    private ContentType office(String quoted, byte[] content) {
        ZipGuard.Listing listing;
        try {
            listing = zips.inspect(content);
        } catch (ZipGuard.Refused e) {
            throw refused(quoted + " was refused: " + e.getMessage());
        }
        // ODF: the first entry is "mimetype", holding the document's media type (ODF 1.2 part 3, §3.3).
        if (listing.mimetype().isPresent() && listing.has("META-INF/manifest.xml")) {
            String mimetype = listing.mimetype().get();
            if (mimetype.equals(ContentType.ODT.mediaType())) {
                return ContentType.ODT;
            }
            if (mimetype.equals(ContentType.ODS.mediaType())) {
                return ContentType.ODS;
            }
        }
        // OOXML: a content-types part and the main part of the document kind (ECMA-376 part 2).
        if (listing.has("[Content_Types].xml")) {
            if (listing.has("word/document.xml")) {
                return ContentType.DOCX;
            }
            if (listing.has("xl/workbook.xml")) {
                return ContentType.XLSX;
            }
        }
        throw refused(quoted + " is a ZIP archive, not an accepted office document (DOCX, XLSX, ODT or ODS).");
    }

    /** Valid UTF-8 (strict: no overlong forms, no surrogates) and no NUL byte. */
    static boolean isUtf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static BadInputException refused(String message) {
        return new BadInputException(FIELD, message);
    }
}
