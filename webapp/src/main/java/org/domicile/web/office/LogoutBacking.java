package org.domicile.web.office;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.domicile.session.application.OfficeLogin;
import org.domicile.web.security.BrowserSession;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.OfficeBinding;

/** Logout ends the office session on the server first (rule 14), then the browser's HTTP session. */
@Named
@RequestScoped
public class LogoutBacking {

    @EJB
    OfficeLogin login;

    public String logout() {
        BrowserSession.token().ifPresent(token -> login.logout(token, ClientAddress.current()));
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ec.invalidateSession();
        OfficeBinding.clear((HttpServletRequest) ec.getRequest(), (HttpServletResponse) ec.getResponse());
        return "/login.xhtml?faces-redirect=true&bye=1";
    }
}
