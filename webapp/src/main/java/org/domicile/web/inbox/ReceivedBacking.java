package org.domicile.web.inbox;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.domicile.correspondence.application.AttachmentDownload;
import org.domicile.delivery.application.Inbox;
import org.domicile.delivery.application.InboxItem;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/**
 * One received correspondence and its handover: the recipient opens a correspondence session
 * (trust check and a code by SMS), then accepts or refuses with the code. Once accepted, the text
 * and files are shown and downloadable.
 */
@Named
@ViewScoped
public class ReceivedBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Inbox inbox;

    @Inject
    CurrentUser user;

    private String id;
    private InboxItem item;
    private String challengeId;
    private String sentTo;
    private String code;

    /** Loads the correspondence named in the address (f:viewAction). */
    public void load() {
        try {
            item = inbox.get(me(), id, ClientAddress.current());
        } catch (DomicileException e) {
            item = null;
            Messages.error(e.getMessage());
        }
    }

    public void startHandover() {
        try {
            var challenge = inbox.startHandover(me(), id, ClientAddress.current());
            challengeId = challenge.challengeId();
            sentTo = challenge.maskedMobile();
            Messages.info("A code was sent to " + sentTo + ". Type it, then accept or refuse.");
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
    }

    public void accept() {
        answer("ACCEPT");
    }

    public void refuse() {
        answer("REFUSE");
    }

    private void answer(String decision) {
        try {
            item = inbox.answer(me(), id, challengeId, code, decision, ClientAddress.current());
            challengeId = null;
            Messages.info(item.status().name().equals("ACCEPTED") ? "You accepted this correspondence."
                    : "You refused this correspondence.");
        } catch (DomicileException e) {
            Messages.refusal("handover", e);
            load();
        } finally {
            code = null;
        }
    }

    public void download(String partName) {
        try {
            AttachmentDownload file = inbox.part(me(), id, partName, ClientAddress.current());
            FileResponse.send(file.content(), "application/octet-stream", file.fileName());
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
    }

    private String me() {
        return user.principal().accountId();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public InboxItem getItem() {
        return item;
    }

    public boolean isPending() {
        return challengeId != null;
    }

    public String getSentTo() {
        return sentTo;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
