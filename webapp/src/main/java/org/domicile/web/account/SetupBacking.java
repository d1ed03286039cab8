package org.domicile.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.domicile.platform.DomicileException;
import org.domicile.setup.OperatorSetup;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.BrowserSession;
import org.domicile.web.security.ClientAddress;

/**
 * The certification operator claims his account with the one-time code printed at first start,
 * then verifies his mobile number like every user.
 */
@Named
@RequestScoped
public class SetupBacking {

    @EJB
    OperatorSetup setup;

    private boolean pending;
    private String setupCode;
    private String password;
    private String mobile;

    @PostConstruct
    void load() {
        pending = setup.pending();
    }

    public String complete() {
        try {
            BrowserSession.awaitCode(setup.complete(setupCode, password, mobile, ClientAddress.current()));
            return "/code.xhtml?faces-redirect=true";
        } catch (DomicileException e) {
            Messages.refusal("setup", e);
            return null;
        }
    }

    public boolean isPending() {
        return pending;
    }

    /** Always empty: a secret once typed is never sent back to the browser. */
    public String getSetupCode() {
        return null;
    }

    public void setSetupCode(String setupCode) {
        this.setupCode = setupCode;
    }

    /** Always empty: a secret once typed is never sent back to the browser. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }
}
