package org.domicile.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;

/**
 * Puts the sentences of the services on the page. A field error is attached to its input when
 * the form has one (shown beside it and, like every message, in the page's #messages area).
 */
public final class Messages {

    private Messages() {
    }

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    public static void error(String text) {
        add(null, FacesMessage.SEVERITY_ERROR, text);
    }

    /** A refusal by a service: one message per field for bad input, else its sentence. */
    public static void refusal(String formId, DomicileException e) {
        if (e instanceof BadInputException bad && !bad.fieldErrors().isEmpty()) {
            FacesContext context = FacesContext.getCurrentInstance();
            for (Map.Entry<String, String> field : bad.fieldErrors().entrySet()) {
                UIComponent input = context.getViewRoot().findComponent(":" + formId + ":" + field.getKey());
                add(input == null ? null : input.getClientId(context), FacesMessage.SEVERITY_ERROR, field.getValue());
            }
        } else {
            error(e.getMessage());
        }
    }

    /** Keeps this request's messages for the page the browser is redirected to (Post/Redirect/Get). */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
