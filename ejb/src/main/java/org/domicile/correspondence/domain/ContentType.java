package org.domicile.correspondence.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The file types accepted as attachments (SECURITY-BASELINE 27), as found in the content by
 * {@link ContentInspector}, with the name extensions that may go with each.
 */
public enum ContentType {
    PDF("application/pdf", "PDF", "pdf"),
    PNG("image/png", "PNG image", "png"),
    JPEG("image/jpeg", "JPEG image", "jpg", "jpeg"),
    TEXT("text/plain; charset=utf-8", "plain text (UTF-8)", "txt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document (DOCX)", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "spreadsheet (XLSX)", "xlsx"),
    ODT("application/vnd.oasis.opendocument.text", "OpenDocument text (ODT)", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet (ODS)", "ods");

    private final String mediaType;
    private final String label;
    private final List<String> extensions;

    ContentType(String mediaType, String label, String... extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** How the type is named in messages to the user. */
    public String label() {
        return label;
    }

    public List<String> extensions() {
        return extensions;
    }

    public boolean allowsExtension(String extension) {
        return extensions.contains(extension);
    }

    /** "PDF, PNG image, …": for the message that lists what is accepted. */
    public static String acceptedLabels() {
        return Arrays.stream(values()).map(ContentType::label).collect(Collectors.joining(", "));
    }
}
