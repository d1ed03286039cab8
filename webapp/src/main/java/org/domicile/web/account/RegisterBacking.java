package org.domicile.web.account;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.domicile.identity.application.Registration;
import org.domicile.identity.application.RegistrationForm;
import org.domicile.platform.DomicileException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.BrowserSession;
import org.domicile.web.security.ClientAddress;

/** Self-registration: the service checks every field at once; a code then verifies the number. */
@Named
@RequestScoped
public class RegisterBacking {

    @EJB
    Registration registration;

    private String loginName;
    private String displayName;
    private String email;
    private String mobile;
    private String password;

    public String register() {
        try {
            BrowserSession.awaitCode(registration.register(
                    new RegistrationForm(loginName, displayName, email, mobile, password), ClientAddress.current()));
            return "/code.xhtml?faces-redirect=true";
        } catch (DomicileException e) {
            Messages.refusal("reg", e);
            return null;
        }
    }

    public String getLoginName() {
        return loginName;
    }

    public void setLoginName(String loginName) {
        this.loginName = loginName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    /** Always empty: a secret once typed is never sent back to the browser. */
    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
