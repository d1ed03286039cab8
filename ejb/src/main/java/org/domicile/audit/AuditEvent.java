package org.domicile.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.domicile.platform.Ids;

/** One line of the audit trail (SECURITY-BASELINE 23). Never updated or deleted. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    private String id;
    private long at;
    private String actor;
    private String action;
    private String target;
    private String outcome;
    private String source;
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String actor, String action, String target, String outcome, String source, String detail) {
        this.id = Ids.newId();
        this.at = at.toEpochMilli();
        this.actor = clean(actor, 80);
        this.action = clean(action, 64);
        this.target = clean(target, 120);
        this.outcome = clean(outcome, 16);
        this.source = clean(source, 64);
        this.detail = clean(detail, 1000);
    }

    /**
     * Encodes against log injection: control, line/paragraph separator and format (bidi) characters become
     * {@code \\uXXXX}, so one event is always one line and cannot forge another.
     */
    static String clean(String s, int max) {
        if (s == null) {
            return "-";
        }
        var b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() > max ? b.substring(0, max) : b.toString();
    }

    public Instant at() {
        return Instant.ofEpochMilli(at);
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String outcome() {
        return outcome;
    }

    public String source() {
        return source;
    }

    public String detail() {
        return detail;
    }
}
