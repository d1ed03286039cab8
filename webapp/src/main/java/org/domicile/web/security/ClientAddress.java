package org.domicile.web.security;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** Where a request comes from, as the services record it (the {@code source} of audit lines). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** The address of the JSF request being handled. */
    public static String current() {
        return of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }
}
