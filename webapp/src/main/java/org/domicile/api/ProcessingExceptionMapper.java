package org.domicile.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime could not process the request, in practice: could not read its body.
 * Anything else under this type is a fault of ours and answered as one.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(ProcessingException e) {
        return UnreadableBody.isCause(e) ? UnreadableBody.response(e, resource) : UnexpectedExceptionMapper.fault(e);
    }
}
