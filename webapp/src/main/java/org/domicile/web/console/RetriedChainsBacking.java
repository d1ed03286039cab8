package org.domicile.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.domicile.chain.application.ChainRunner;
import org.domicile.chain.application.RetriedChain;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/**
 * Chains held up by a step that failed for a passing reason, with why and when they are tried
 * again; the operator can have one tried at once once he has mended the cause.
 */
@Named
@RequestScoped
public class RetriedChainsBacking {

    /** The request parameter naming the chain to try now, written into each row's own form. */
    static final String CHAIN = "chain";

    @EJB
    ChainRunner chains;

    @Inject
    CurrentUser user;

    private List<RetriedChain> chainsRetried;

    @PostConstruct
    void load() {
        chainsRetried = chains.retried(50);
    }

    public List<RetriedChain> getRetried() {
        return chainsRetried;
    }

    /**
     * Tries the chain named by the row's form at once. The id comes with the form, not from the row's
     * position, since the list may have changed since the page was shown.
     */
    public String tryNow() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(CHAIN);
        try {
            chains.tryNow(user.principal().accountId(), id, ClientAddress.current());
            Messages.info("The chain of correspondence " + id + " is tried again now.");
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        }
        Messages.keepForRedirect();
        return "/console/operators.xhtml?faces-redirect=true";
    }
}
