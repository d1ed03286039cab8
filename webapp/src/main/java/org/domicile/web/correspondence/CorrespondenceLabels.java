package org.domicile.web.correspondence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.domicile.correspondence.domain.ContentType;
import org.domicile.correspondence.domain.CorrespondenceKind;
import org.domicile.correspondence.domain.CorrespondenceStatus;

/**
 * How the pages name kinds, statuses and sizes. A status is shown from its enum name ("SUBMITTED"
 * reads "Submitted"), so the states the processing chain adds later show without a change here.
 */
@Named("letters")
@ApplicationScoped
public class CorrespondenceLabels {

    private static final List<CorrespondenceKind> KINDS = Arrays.asList(CorrespondenceKind.values());

    /** "Submitted", "Content handed over". */
    public String status(CorrespondenceStatus status) {
        return status == null ? "" : sentence(status.name());
    }

    /** "Simple letter", "Registered letter with acknowledgement". */
    public String kind(CorrespondenceKind kind) {
        return kind == null ? "" : capitalised(kind.label());
    }

    /** Every kind, in order of the level it requires. */
    public List<CorrespondenceKind> getKinds() {
        return KINDS;
    }

    /** "PDF, PNG image, …": the types the service accepts, for the hint beside the file field. */
    public String getAcceptedFileTypes() {
        return ContentType.acceptedLabels();
    }

    /** ".pdf,.png,…": for the file field's {@code accept}, a hint to the file picker (the service decides). */
    public String getAcceptedExtensions() {
        return Arrays.stream(ContentType.values()).flatMap(t -> t.extensions().stream()).map(e -> "." + e)
                .collect(Collectors.joining(","));
    }

    /** "532 bytes", "1.4 MB (1 468 006 bytes)": exact, as the validation seals it. */
    public String size(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d", bytes).replace(',', ' ')
                + (bytes == 1 ? " byte" : " bytes");
        if (bytes < 1024) {
            return exact;
        }
        String unit = bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        return unit + " (" + exact + ")";
    }

    static String sentence(String enumName) {
        return capitalised(enumName.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
