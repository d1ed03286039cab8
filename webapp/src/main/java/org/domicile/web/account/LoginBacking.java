package org.domicile.web.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.domicile.platform.DomicileException;
import org.domicile.session.application.OfficeLogin;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.BrowserSession;
import org.domicile.web.security.ClientAddress;

/**
 * The password step. Every refusal (wrong password, unknown login, trust check failed) is shown
 * as the service words it: the same sentence whether or not the account exists (rule 7).
 */
@Named
@RequestScoped
public class LoginBacking {

    @EJB
    OfficeLogin login;

    private String loginName;
    private String password;

    public String logIn() {
        try {
            BrowserSession.awaitCode(login.start(loginName, password, ClientAddress.current()));
            return "/code.xhtml?faces-redirect=true";
        } catch (DomicileException e) {
            Messages.refusal("login", e);
            return null;
        }
    }

    public String getLoginName() {
        return loginName;
    }

    public void setLoginName(String loginName) {
        this.loginName = loginName;
    }

    /** Always empty: a secret once typed is never sent back to the browser. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
