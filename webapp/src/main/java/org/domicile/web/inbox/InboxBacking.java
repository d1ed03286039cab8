package org.domicile.web.inbox;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.delivery.application.Inbox;
import org.domicile.delivery.application.InboxItem;
import org.domicile.web.security.CurrentUser;

/** The recipient's inbox: what was delivered to his office, newest first. */
@Named
@RequestScoped
public class InboxBacking {

    @EJB
    Inbox inbox;

    @Inject
    CurrentUser user;

    private List<InboxItem> items;

    @PostConstruct
    void load() {
        items = inbox.list(user.principal().accountId(), 200);
    }

    public List<InboxItem> getItems() {
        return items;
    }

    public long getWaiting() {
        return items.stream().filter(i -> !i.status().answered()).count();
    }
}
