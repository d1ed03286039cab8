package org.domicile.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.platform.DomicileException;
import org.domicile.trust.application.PartyView;
import org.domicile.trust.application.TrustLevels;
import org.domicile.trust.domain.TrustChange;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/**
 * Every party with its trust level, the latest changes, and the form that changes a level. A
 * change needs a justification; the service records it and, for a lowered user, ends his sessions.
 */
@Named
@RequestScoped
public class PartiesBacking {

    private static final List<String> LEVELS = Arrays.stream(TrustLevel.values()).map(Enum::name).toList();

    @EJB
    TrustLevels trust;

    @Inject
    CurrentUser user;

    private List<PartyView> parties;
    private Map<String, String> names;
    private List<TrustChange> changes;
    private String party;
    private String level;
    private String justification;

    @PostConstruct
    void load() {
        parties = trust.parties();
        names = parties.stream().collect(Collectors.toMap(PartyView::key, PartyView::name, (a, b) -> a));
        changes = trust.latestChanges(50);
    }

    public String change() {
        try {
            trust.change(user.principal().accountId(), party, level, justification, ClientAddress.current());
            Messages.info("Trust level changed.");
            Messages.keepForRedirect();
            return "/console/parties.xhtml?faces-redirect=true";
        } catch (DomicileException e) {
            Messages.refusal("trust", e);
            return null;
        }
    }

    /** The name of the party a change concerns (its key if it is gone). */
    public String nameOf(TrustChange change) {
        return names.getOrDefault(change.party().toString(), change.party().toString());
    }

    /** The name of the operator who made a change. */
    public String changedBy(TrustChange change) {
        return names.getOrDefault("USER:" + change.changedBy(), change.changedBy());
    }

    public List<PartyView> getParties() {
        return parties;
    }

    public List<TrustChange> getChanges() {
        return changes;
    }

    public List<String> getLevels() {
        return LEVELS;
    }

    public String getParty() {
        return party;
    }

    public void setParty(String party) {
        this.party = party;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
