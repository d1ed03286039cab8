package org.domicile.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.audit.AuditEvent;
import org.domicile.audit.AuditLog;

/** The latest lines of the audit trail, newest first. Read only. */
@Named
@RequestScoped
public class AuditBacking {

    @EJB
    AuditLog audit;

    private List<AuditEvent> events;

    @PostConstruct
    void load() {
        events = audit.latest(50);
    }

    public List<AuditEvent> getEvents() {
        return events;
    }
}
