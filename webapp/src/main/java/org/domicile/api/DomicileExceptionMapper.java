package org.domicile.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.domicile.platform.BadInputException;
import org.domicile.platform.DomicileException;
import org.domicile.platform.LimitReachedException;
import org.domicile.platform.NotFoundException;
import org.domicile.platform.ServiceUnavailableException;
import org.domicile.session.application.CodeRejectedException;
import org.domicile.session.application.LoginRefusedException;
import org.domicile.session.application.TrustRefusedException;

/**
 * Refusals of the application services, with the sentence the service wrote:
 * bad input 400 (per field), not found 404, login refused 401, code rejected 401 (tries left),
 * trust refused 403 (reasons), limits 429 (with {@code Retry-After}), an outside service down 503,
 * any other refusal 409.
 */
@Provider
public class DomicileExceptionMapper implements ExceptionMapper<DomicileException> {

    @Override
    public Response toResponse(DomicileException e) {
        return respond(e);
    }

    static Response respond(DomicileException e) {
        if (e instanceof BadInputException bad) {
            return json(Response.Status.BAD_REQUEST,
                    new ApiError(bad.getMessage(), bad.fieldErrors(), null, null, null));
        }
        if (e instanceof NotFoundException) {
            return json(Response.Status.NOT_FOUND, ApiError.of(e.getMessage()));
        }
        if (e instanceof CodeRejectedException rejected) {
            return challenge(new ApiError(e.getMessage(), null, rejected.triesLeft(), null, null));
        }
        if (e instanceof LoginRefusedException) {
            return challenge(ApiError.of(e.getMessage()));
        }
        if (e instanceof TrustRefusedException refused) {
            return json(Response.Status.FORBIDDEN, new ApiError(e.getMessage(), null, null, refused.reasons(), null));
        }
        if (e instanceof LimitReachedException limit) {
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, limit.retryAfter().toSeconds()))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(e.getMessage())).build();
        }
        if (e instanceof ServiceUnavailableException) {
            return json(Response.Status.SERVICE_UNAVAILABLE, ApiError.of(e.getMessage()));
        }
        return json(Response.Status.CONFLICT, ApiError.of(e.getMessage()));
    }

    private static Response challenge(ApiError body) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"domicile\"")
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response json(Response.Status status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
