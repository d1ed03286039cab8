package org.domicile.web.inbox;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.domicile.archive.application.EvidenceBundles;
import org.domicile.archive.application.Timeline;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/** A correspondence's evidence for its sender or a recipient: the timeline and the bundle to download. */
@Named
@ViewScoped
public class EvidenceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient EvidenceBundles bundles;

    @Inject
    CurrentUser user;

    private String id;
    private Timeline timeline;

    public void load() {
        try {
            timeline = bundles.timeline(user.principal().accountId(), id, ClientAddress.current());
        } catch (DomicileException e) {
            timeline = null;
            Messages.error(e.getMessage());
        }
    }

    public void download() {
        try {
            var bundle = bundles.bundle(user.principal().accountId(), id, ClientAddress.current());
            FileResponse.send(bundle.zip(), "application/zip", bundle.fileName());
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Timeline getTimeline() {
        return timeline;
    }
}
