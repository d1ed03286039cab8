package org.domicile.web.correspondence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.domain.CorrespondenceSummary;
import org.domicile.web.security.CurrentUser;

/** What the office has sent, with its status: the latest few on the office page, all on the Sent page. */
@Named
@RequestScoped
public class SentBacking {

    /** How many the office page shows. */
    static final int LATEST = 10;

    @Inject
    SentCorrespondence sent;

    @Inject
    CurrentUser user;

    private List<CorrespondenceSummary> all;

    public List<CorrespondenceSummary> getAll() {
        if (all == null) {
            all = sent.of(user.principal().accountId(), Drafts.LIST_LIMIT);
        }
        return all;
    }

    public List<CorrespondenceSummary> getLatest() {
        List<CorrespondenceSummary> everything = getAll();
        return everything.size() > LATEST ? everything.subList(0, LATEST) : everything;
    }

    public boolean isMoreThanLatest() {
        return getAll().size() > LATEST;
    }
}
