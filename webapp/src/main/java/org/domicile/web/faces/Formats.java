package org.domicile.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages write times: always in UTC, and said so (the audit trail and the services keep UTC). */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** "2026-05-04 13:07:55". */
    public String utc(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** "13:07". */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
