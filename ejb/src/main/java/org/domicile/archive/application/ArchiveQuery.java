package org.domicile.archive.application;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What to look for in the archive; every criterion is optional. {@code counterpart} and
 * {@code subject} match case-insensitively anywhere in the name or subject (a hidden subject never
 * matches); dates are UTC days, both ends included.
 */
public record ArchiveQuery(Optional<String> counterpart, Optional<LocalDate> from, Optional<LocalDate> to,
                           Optional<String> subject, Optional<String> kind, Optional<String> status) {

    static final String DATE_RULE = "Dates: write them as YYYY-MM-DD.";

    /** A query from what a person typed: dates as YYYY-MM-DD; blank means "any". */
    public static ArchiveQuery typed(String counterpart, String from, String to, String subject, String kind,
                                     String status) {
        return new ArchiveQuery(text(counterpart), date("from", from), date("to", to), text(subject), text(kind),
                text(status));
    }

    private static Optional<String> text(String raw) {
        return Optional.ofNullable(raw).filter(s -> !s.isBlank());
    }

    private static Optional<LocalDate> date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.domicile.platform.BadInputException(field, DATE_RULE);
        }
    }

    public static ArchiveQuery all() {
        return new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
