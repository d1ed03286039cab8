package org.domicile.web.inbox;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.domicile.archive.application.Archive;
import org.domicile.archive.application.ArchiveEntry;
import org.domicile.archive.application.ArchiveQuery;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.CurrentUser;

/** The archive search: counterpart, dates, subject, kind, status — all optional. */
@Named
@ViewScoped
public class ArchiveBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Archive archive;

    @Inject
    CurrentUser user;

    private String counterpart;
    private String from;
    private String to;
    private String subject;
    private String kind;
    private String status;
    private List<ArchiveEntry> entries = List.of();

    @PostConstruct
    void all() {
        entries = archive.search(user.principal().accountId(), ArchiveQuery.all());
    }

    public void search() {
        try {
            var q = ArchiveQuery.typed(counterpart, from, to, subject, kind, status);
            entries = archive.search(user.principal().accountId(), q);
            if (entries.isEmpty()) {
                Messages.info("Nothing in your archive matches.");
            }
        } catch (DomicileException e) {
            Messages.refusal("archiveSearch", e);
        }
    }

    public List<ArchiveEntry> getEntries() {
        return entries;
    }

    public String getCounterpart() {
        return counterpart;
    }

    public void setCounterpart(String counterpart) {
        this.counterpart = counterpart;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
