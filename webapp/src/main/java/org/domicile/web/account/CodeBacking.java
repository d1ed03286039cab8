package org.domicile.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.domicile.platform.DomicileException;
import org.domicile.session.application.CodeOutcome;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.OfficeLogin;
import org.domicile.session.domain.Purpose;
import org.domicile.web.faces.Messages;
import org.domicile.web.security.BrowserSession;
import org.domicile.web.security.ClientAddress;
import org.domicile.web.security.PendingChallenge;

/**
 * The code step, for a login and for a phone verification alike. The challenge comes from the
 * HTTP session, never from the page: a code only works in the browser session it was sent for.
 */
@Named
@RequestScoped
public class CodeBacking {

    private static final String NO_CHALLENGE = "This code is no longer valid. Please start again.";

    @EJB
    OfficeLogin login;

    private PendingChallenge pending;
    private String code;

    @PostConstruct
    void load() {
        pending = BrowserSession.pending().orElse(null);
    }

    /** View action: without a challenge there is nothing to type here. */
    public String requireChallenge() {
        return pending == null ? "/login.xhtml?faces-redirect=true" : null;
    }

    public String confirm() {
        if (pending == null) {
            return startAgain(NO_CHALLENGE);
        }
        try {
            CodeOutcome outcome = login.confirm(pending.challengeId(), code, ClientAddress.current());
            if (outcome.purpose() == Purpose.PHONE_VERIFICATION) {
                BrowserSession.forgetCode();
                return "/login.xhtml?faces-redirect=true&verified=1";
            }
            // A previous office session of this browser (logged in twice) ends here, not at its timeout.
            BrowserSession.token().ifPresent(old -> login.logout(old, ClientAddress.current()));
            BrowserSession.officeOpened(outcome.session().orElseThrow().token());
            return "/office/index.xhtml?faces-redirect=true";
        } catch (CodeRejectedException e) {
            return e.triesLeft() == 0 ? startAgain(e.getMessage()) : failed(e);
        } catch (DomicileException e) {
            return failed(e);
        }
    }

    public String resend() {
        if (pending == null) {
            return startAgain(NO_CHALLENGE);
        }
        try {
            pending = BrowserSession.awaitCode(login.resend(pending.challengeId(), ClientAddress.current()));
            Messages.info("A new code was sent.");
            return null;
        } catch (CodeRejectedException e) {
            return e.triesLeft() == 0 ? startAgain(e.getMessage()) : failed(e);
        } catch (DomicileException e) {
            return failed(e);
        }
    }

    private String failed(DomicileException e) {
        Messages.error(e.getMessage());
        return null;
    }

    /** The challenge is used up: the page offers only the way back to the login. */
    private String startAgain(String why) {
        BrowserSession.forgetCode();
        pending = null;
        Messages.error(why);
        return null;
    }

    public PendingChallenge getPending() {
        return pending;
    }

    public boolean isPhoneVerification() {
        return pending != null && pending.purpose() == Purpose.PHONE_VERIFICATION;
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
