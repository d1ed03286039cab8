package org.domicile.web.office;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.domicile.identity.application.MobileChange;
import org.domicile.platform.DomicileException;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.CurrentUser;

/**
 * Changing the office's mobile number (SECURITY-BASELINE 8): the password again, then the code
 * sent to the new number. View-scoped: the pending change lives only as long as this page.
 */
@Named
@ViewScoped
public class MobileChangeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MobileChange change;

    @Inject
    CurrentUser user;

    private String password;
    private String mobile;
    private String code;
    private String challengeId;
    private String pendingMobile;
    private String sentTo;

    public void start() {
        try {
            var challenge = change.start(user.principal().accountId(), password, mobile, ClientAddress.current());
            challengeId = challenge.challengeId();
            pendingMobile = mobile;
            sentTo = challenge.maskedMobile();
            Messages.info("We sent a code to " + sentTo + ". Type it below to make it your number.");
        } catch (DomicileException e) {
            Messages.refusal("mobile", e);
        } finally {
            password = null;
        }
    }

    public void confirm() {
        try {
            change.confirm(user.principal().accountId(), challengeId, pendingMobile, code, ClientAddress.current());
            Messages.info("Your mobile number is now " + sentTo + ". Your former number was told of the change.");
            cancel();
        } catch (CodeRejectedException e) {
            Messages.error(e.getMessage());
            if (e.triesLeft() == 0) {
                cancel();
            }
        } catch (DomicileException e) {
            Messages.error(e.getMessage());
        } finally {
            code = null;
        }
    }

    public void cancel() {
        challengeId = null;
        pendingMobile = null;
        sentTo = null;
    }

    public boolean isPending() {
        return challengeId != null;
    }

    public String getSentTo() {
        return sentTo;
    }

    public String getPassword() {
        return password;
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
