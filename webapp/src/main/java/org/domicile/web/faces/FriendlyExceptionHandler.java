package org.domicile.web.faces;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.domicile.platform.DomicileException;

/**
 * No page ever shows a stack trace (SECURITY-BASELINE 29). An expired page (the HTTP session
 * ended, so its view state is gone) is shown afresh with a word of explanation; a refusal that
 * no bean caught is shown as a message; anything else is logged here and the browser goes to
 * /error.html.
 */
public class FriendlyExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(FriendlyExceptionHandler.class.getName());

    FriendlyExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            events.remove();
            if (context.getResponseComplete()) {
                continue;
            }
            ViewExpiredException expired = find(thrown, ViewExpiredException.class);
            DomicileException refusal = find(thrown, DomicileException.class);
            if (expired != null) {
                Messages.info("This page had expired, so nothing was done. Please try again.");
                redirect(context, expired.getViewId() == null ? "/" : expired.getViewId());
            } else if (refusal != null && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
                Messages.error(refusal.getMessage());
                context.renderResponse();
            } else {
                String view = context.getViewRoot() == null ? "?" : context.getViewRoot().getViewId();
                LOG.log(Level.SEVERE, "Unexpected failure on " + view, thrown);
                redirect(context, "/error.html");
            }
        }
        getWrapped().handle();
    }

    private static void redirect(FacesContext context, String path) {
        ExternalContext ec = context.getExternalContext();
        if (ec.isResponseCommitted()) {
            return;
        }
        try {
            if (!path.endsWith(".html")) {
                Messages.keepForRedirect();
            }
            ec.redirect(ec.getRequestContextPath() + path);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send the browser to " + path, e);
        }
        context.responseComplete();
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
