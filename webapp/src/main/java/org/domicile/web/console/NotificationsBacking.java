package org.domicile.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.messaging.application.NotificationView;
import org.domicile.messaging.application.Notifications;

/** The latest queued notices and where each stands (waiting, retried, sent, failed, uncertain). Read only. */
@Named
@RequestScoped
public class NotificationsBacking {

    @EJB
    Notifications notifications;

    private List<NotificationView> latest;

    @PostConstruct
    void load() {
        latest = notifications.recent(50);
    }

    public List<NotificationView> getLatest() {
        return latest;
    }
}
