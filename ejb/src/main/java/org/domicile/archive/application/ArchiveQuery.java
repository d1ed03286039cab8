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

    public static ArchiveQuery all() {
        return new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
