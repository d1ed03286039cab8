package org.domicile.web.correspondence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.domain.CorrespondenceSummary;


/** What an office has sent, most recently changed first (every state past the drafts). */
@ApplicationScoped
public class SentCorrespondence {

    @EJB
    Drafts drafts;

    public List<CorrespondenceSummary> of(String senderAccountId, int limit) {
        return drafts.sent(senderAccountId, limit);
    }
}
