package org.domicile.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.domicile.platform.DomicileException;

/**
 * Everything no other mapper answers: a fault of ours. The client gets one sentence and a
 * reference; the stack goes to the server log under that reference, never into the answer.
 * A refusal that reaches here wrapped in an {@link EJBException} is answered as the refusal.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    static final String MESSAGE = "Something went wrong; nothing was changed.";
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomicileException refusal) {
                return DomicileExceptionMapper.respond(refusal);
            }
        }
        return fault(e);
    }

    static Response fault(Throwable e) {
        // The services throw no secrets in exception messages; still the reference is all the client sees.
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API request failed, reference " + reference, e);
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(MESSAGE, null, null, null, reference)).build();
    }
}
