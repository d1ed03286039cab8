package org.domicile.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.domicile.identity.application.AccountAdministration;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/** Disables a user account with a justification; its open sessions end at once. */
@Named
@RequestScoped
public class DisableAccountBacking {

    @EJB
    AccountAdministration accounts;

    @Inject
    CurrentUser user;

    private String account;
    private String justification;

    public String disable() {
        try {
            String id = account != null && account.startsWith("USER:") ? account.substring(5) : "";
            int ended = accounts.disable(user.principal().accountId(), id, justification, ClientAddress.current());
            Messages.info("The account is disabled; " + ended + (ended == 1 ? " open session" : " open sessions")
                    + " ended.");
            Messages.keepForRedirect();
            return "/console/parties.xhtml?faces-redirect=true";
        } catch (DomicileException e) {
            Messages.refusal("disable", e);
            return null;
        }
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
