package org.domicile.web.correspondence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domicile.correspondence.application.RecipientView;
import org.domicile.directory.application.Counterparts;
import org.domicile.directory.application.Directory;
import org.domicile.directory.application.DirectoryEntry;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.CurrentUser;

/**
 * The recipients of the draft on the compose page, chosen from the sender's counterparts or
 * found in the directory. Choosing only changes the page; the list is checked and kept when the
 * draft is saved ({@link ComposeBacking}).
 */
@Named
@ViewScoped
public class RecipientPicker implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "compose";

    @EJB
    Counterparts counterparts;

    @EJB
    Directory directory;

    @Inject
    CurrentUser user;

    private List<DirectoryEntry> mine;
    private List<RecipientView> chosen = new ArrayList<>();
    private List<DirectoryEntry> results;
    private String counterpart;
    private String query;

    @PostConstruct
    void load() {
        mine = counterparts.of(user.principal().accountId());
    }

    /** The recipients as the draft has them now. */
    void show(List<RecipientView> recipients) {
        chosen = new ArrayList<>(recipients);
    }

    /** The directory keys, in the order chosen, for the draft form. */
    List<String> keys() {
        return chosen.stream().map(RecipientView::key).toList();
    }

    public void addCounterpart() {
        Optional<DirectoryEntry> entry = mine.stream().filter(e -> e.key().equals(counterpart)).findFirst();
        if (entry.isEmpty()) {
            Messages.refusal(FORM, new BadInputException("counterpart", "Recipients: choose one of your counterparts."));
            return;
        }
        add(entry.get());
        counterpart = null;
    }

    public void add(DirectoryEntry entry) {
        if (keys().contains(entry.key())) {
            Messages.refusal(FORM, new BadInputException("recipients", "Recipients: " + entry.displayName()
                    + " is already a recipient."));
            return;
        }
        chosen.add(new RecipientView(entry.key(), entry.displayName(), entry.trustLevel()));
    }

    public void remove(RecipientView recipient) {
        chosen.removeIf(r -> r.key().equals(recipient.key()));
    }

    public void search() {
        try {
            results = directory.searchFrom(user.principal().accountId(), query);
            if (results.isEmpty()) {
                Messages.info("Nobody in the directory matches \u201c" + query.strip() + "\u201d.");
            }
        } catch (DomicileException e) {
            results = null;
            Messages.refusal(FORM, e);
        }
    }

    public List<RecipientView> getChosen() {
        return chosen;
    }

    /** The counterparts not chosen yet. */
    public List<DirectoryEntry> getAvailable() {
        List<String> keys = keys();
        return mine.stream().filter(e -> !keys.contains(e.key())).toList();
    }

    public boolean isWithoutCounterparts() {
        return mine.isEmpty();
    }

    /** The last search's results; null before any search. */
    public List<DirectoryEntry> getResults() {
        return results;
    }

    public String getCounterpart() {
        return counterpart;
    }

    public void setCounterpart(String counterpart) {
        this.counterpart = counterpart;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
