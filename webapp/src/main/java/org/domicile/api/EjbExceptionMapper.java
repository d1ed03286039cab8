package org.domicile.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A fault inside an application service reaches the API wrapped in an {@link EJBException}
 * (the container has rolled its transaction back). Mapped here rather than left to the
 * runtime's own EJB mapper, which handed the cause to {@link UnexpectedExceptionMapper} twice
 * and so logged each fault twice under two references.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException e) {
        return new UnexpectedExceptionMapper().toResponse(e);
    }
}
