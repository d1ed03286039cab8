package org.domicile.web.office;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.domicile.directory.application.Counterparts;
import org.domicile.directory.application.Directory;
import org.domicile.directory.application.DirectoryEntry;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.CurrentUser;

/**
 * The office's counterparts and the directory search that adds to them. View-scoped so that a
 * row's Add or Remove acts on the row the person saw, even if the lists changed meanwhile.
 */
@Named
@ViewScoped
public class CounterpartsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Counterparts counterparts;

    @EJB
    Directory directory;

    @Inject
    CurrentUser user;

    private List<DirectoryEntry> mine;
    private List<DirectoryEntry> results;
    private String query;

    @PostConstruct
    void load() {
        mine = counterparts.of(user.principal().accountId());
    }

    public void search() {
        try {
            results = directory.searchFrom(user.principal().accountId(), query);
            if (results.isEmpty()) {
                Messages.info("Nobody in the directory matches \u201c" + query.strip() + "\u201d.");
            }
        } catch (DomicileException e) {
            results = null;
            Messages.refusal("search", e);
        }
    }

    public void add(DirectoryEntry entry) {
        try {
            counterparts.add(user.principal().accountId(), entry.key());
            Messages.info(entry.displayName() + " is now one of your counterparts.");
        } catch (DomicileException e) {
            Messages.refusal("search", e);
        }
        load();
    }

    public void remove(DirectoryEntry entry) {
        try {
            counterparts.remove(user.principal().accountId(), entry.key());
            Messages.info(entry.displayName() + " is no longer one of your counterparts.");
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
        load();
    }

    public List<DirectoryEntry> getCounterparts() {
        return mine;
    }

    /** The last search's results; null before any search. */
    public List<DirectoryEntry> getResults() {
        return results;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
