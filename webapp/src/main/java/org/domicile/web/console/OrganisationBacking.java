package org.domicile.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.domicile.platform.DomicileException;
import org.domicile.trust.application.TrustLevels;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/** Registers an organisation in the directory (at level LOW; the operator raises it once checked). */
@Named
@RequestScoped
public class OrganisationBacking {

    @EJB
    TrustLevels trust;

    @Inject
    CurrentUser user;

    private String name;
    private String email;

    public String register() {
        try {
            var organisation = trust.registerOrganisation(user.principal().accountId(), name, email,
                    ClientAddress.current());
            Messages.info(organisation.name() + " is registered, at level LOW.");
            Messages.keepForRedirect();
            return "/console/parties.xhtml?faces-redirect=true";
        } catch (DomicileException e) {
            Messages.refusal("org", e);
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
