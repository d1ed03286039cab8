package org.domicile.web.correspondence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.domicile.correspondence.application.CorrespondenceView;
import org.domicile.correspondence.application.Drafts;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/** One correspondence of the office as its sender sees it: status, kind, subject, recipients and files. */
@Named
@RequestScoped
public class CorrespondenceBacking {

    @EJB
    Drafts drafts;

    @Inject
    CurrentUser user;

    private String id;
    private CorrespondenceView correspondence;

    /** View action. */
    public void load() {
        try {
            correspondence = drafts.get(user.principal().accountId(), id, ClientAddress.current());
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
    }

    static String outcome(String correspondenceId) {
        return "/office/correspondence.xhtml?faces-redirect=true&id=" + correspondenceId;
    }

    /** Null when the id is not one of this office's. */
    public CorrespondenceView getCorrespondence() {
        return correspondence;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
