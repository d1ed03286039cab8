package org.domicile.web.correspondence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.domain.CorrespondenceSummary;
import org.domicile.web.security.CurrentUser;

/** The office's drafts (not sent yet), most recently changed first. */
@Named
@RequestScoped
public class DraftsBacking {

    @EJB
    Drafts drafts;

    @Inject
    CurrentUser user;

    private List<CorrespondenceSummary> mine;

    public List<CorrespondenceSummary> getDrafts() {
        if (mine == null) {
            mine = drafts.mine(user.principal().accountId());
        }
        return mine;
    }
}
