package org.domicile.web.correspondence;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.domicile.correspondence.application.CorrespondenceSending;
import org.domicile.correspondence.application.CorrespondenceView;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.application.Validation;
import org.domicile.correspondence.application.ValidationView;
import org.domicile.platform.DomicileException;
import org.domicile.session.application.TrustRefusedException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/**
 * What will be sealed (SPEC §3): every part with its size and SHA-256, the content digest the code
 * will confirm, and each party against the level of the kind. Sending starts here: the trust
 * check of every party, then a code by SMS bound to this digest ({@link SendBacking}).
 */
@Named
@ViewScoped
public class ValidateBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String HANDED_OVER = "domicile.validation";

    @EJB
    Drafts drafts;

    @EJB
    Validation validation;

    @EJB
    CorrespondenceSending sending;

    @Inject
    CurrentUser user;

    private String id;
    private CorrespondenceView draft;
    private ValidationView result;
    private List<String> refusal = List.of();

    /** Passes a validation just made to the validation page the browser is sent to. */
    static void handOver(ValidationView view) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(HANDED_OVER, view);
    }

    static String outcome(String correspondenceId) {
        return "/office/validate.xhtml?faces-redirect=true&id=" + correspondenceId;
    }

    /**
     * View action: the draft, and the validation made on the compose page if it still holds.
     * Opened afresh (reloaded, bookmarked) the page asks to validate again: it never shows a
     * digest the content may no longer have.
     */
    public String load() {
        try {
            draft = drafts.get(me(), id, ClientAddress.current());
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
            return null;
        }
        if (!draft.status().isEditable()) {
            return CorrespondenceBacking.outcome(draft.id());
        }
        if (FacesContext.getCurrentInstance().getExternalContext().getFlash().get(HANDED_OVER)
                instanceof ValidationView v && v.correspondenceId().equals(draft.id())
                && draft.validatedDigest().map(v.contentDigest()::equals).orElse(false)) {
            result = v;
        }
        return null;
    }

    public void validate() {
        try {
            result = validation.validate(me(), id, ClientAddress.current());
            refusal = List.of();
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
    }

    /** Trust check and a code by SMS; a refusal names who falls short, and nothing is sent. */
    public String send() {
        if (result == null) {
            Messages.error("Validate the correspondence first: you must see what will be sealed before you send it.");
            return null;
        }
        try {
            var challenge = sending.start(me(), id, ClientAddress.current());
            PendingSendings.await(PendingSending.of(draft.id(), challenge, result.contentDigest()));
            Messages.info("We sent a code to " + challenge.maskedMobile() + ". Type it to send the correspondence.");
            Messages.keepForRedirect();
            return SendBacking.outcome(draft.id());
        } catch (TrustRefusedException e) {
            refusal = e.reasons().stream().map(CorrespondenceLabels::capitalised).toList();
            Messages.error(e.getMessage());
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
        return null;
    }

    private String me() {
        return user.principal().accountId();
    }

    /** Null when the id is not a correspondence of this office. */
    public CorrespondenceView getDraft() {
        return draft;
    }

    /** Null until validated on this page or just before it. */
    public ValidationView getResult() {
        return result;
    }

    /** The sender first, then each recipient in the order chosen, against the level of the kind. */
    public List<ValidationView.LevelCheck> getParties() {
        if (result == null) {
            return List.of();
        }
        var all = new ArrayList<ValidationView.LevelCheck>();
        all.add(result.sender());
        all.addAll(result.recipients());
        return all;
    }

    /** The parties below the level, when the last validation found some. */
    public List<ValidationView.LevelCheck> getShortfalls() {
        return getParties().stream().filter(c -> !c.reachesLevel()).toList();
    }

    /** Why the certification server refused the sending session: one sentence per party. */
    public List<String> getRefusal() {
        return refusal;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
