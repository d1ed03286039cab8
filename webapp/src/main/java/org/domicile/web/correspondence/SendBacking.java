package org.domicile.web.correspondence;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.domicile.correspondence.application.CorrespondenceSending;
import org.domicile.platform.DomicileException;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/**
 * The code that confirms a sending. The challenge comes from the browser's HTTP session
 * ({@link PendingSendings}), never from the page; the service checks the code against the
 * content as it is now, so a code cannot send a content other than the one validated.
 */
@Named
@ViewScoped
public class SendBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String NO_CODE = CorrespondenceSending.NO_LONGER_VALID;

    @EJB
    CorrespondenceSending sending;

    @Inject
    CorrespondenceLabels labels;

    @Inject
    CurrentUser user;

    private String id;
    private PendingSending pending;
    private String code;

    /** View action. */
    public void load() {
        pending = PendingSendings.of(id).orElse(null);
    }

    static String outcome(String correspondenceId) {
        return "/office/send.xhtml?faces-redirect=true&id=" + correspondenceId;
    }

    public String confirm() {
        if (pending == null) {
            Messages.error(NO_CODE);
            return null;
        }
        try {
            var sent = sending.confirm(me(), pending.correspondenceId(), pending.challengeId(), code,
                    ClientAddress.current());
            PendingSendings.forget(sent.id());
            Messages.info("Submitted: your " + sent.kind().label() + " \u201c" + sent.subject()
                    + "\u201d is on its way. Status: " + labels.status(sent.status()) + ".");
            Messages.keepForRedirect();
            return CorrespondenceBacking.outcome(sent.id());
        } catch (CodeRejectedException e) {
            Messages.error(e.getMessage());
            if (e.triesLeft() == 0) {
                usedUp();
            }
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        } finally {
            code = null;
        }
        return null;
    }

    public void resend() {
        if (pending == null) {
            Messages.error(NO_CODE);
            return;
        }
        try {
            var view = sending.resend(me(), pending.correspondenceId(), pending.challengeId(),
                    ClientAddress.current());
            pending = PendingSendings.await(pending.resent(view));
            Messages.info("A new code was sent to " + view.maskedMobile() + ". The former code no longer works.");
        } catch (CodeRejectedException e) {
            Messages.error(e.getMessage());
            if (e.triesLeft() == 0) {
                usedUp();
            }
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
    }

    /** This code can no longer send anything: the page offers the way back to the validation. */
    private void usedUp() {
        PendingSendings.forget(pending.correspondenceId());
        pending = null;
    }

    private String me() {
        return user.principal().accountId();
    }

    /** Null when this browser waits on no code for this correspondence. */
    public PendingSending getPending() {
        return pending;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Always empty: a code once typed is never sent back to the browser. */
    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
