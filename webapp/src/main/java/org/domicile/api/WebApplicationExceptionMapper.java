package org.domicile.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (no such address, method not allowed, wrong content type,
 * body not readable) keep their status but get a JSON body with a sentence instead of the
 * container's HTML error page. Headers the status relies on (Allow, Retry-After) are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status == 400 && UnreadableBody.isCause(e)) {
            return UnreadableBody.response(e, resource);
        }
        if (status >= 500) {
            return UnexpectedExceptionMapper.fault(e);
        }
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(message(status, original)));
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE}) {
            String value = original.getHeaderString(header);
            if (value != null) {
                answer.header(header, value);
            }
        }
        return answer.build();
    }

    private static String message(int status, Response original) {
        return switch (status) {
            case 400 -> "The request could not be read. Check its parameters and its JSON body.";
            case 401 -> BearerAuthentication.SESSION_ENDED;
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept this method"
                    + (original.getHeaderString(HttpHeaders.ALLOW) == null ? "."
                    : "; it accepts " + original.getHeaderString(HttpHeaders.ALLOW) + ".");
            case 406 -> "This API answers in JSON only (Accept: application/json).";
            case 413 -> BodySizeLimit.MESSAGE;
            case 415 -> "This Content-Type is not accepted here. The API takes application/json "
                    + "(the SMS status callback: application/x-www-form-urlencoded).";
            default -> {
                var reason = Response.Status.fromStatusCode(status);
                yield reason == null ? "The request was refused." : reason.getReasonPhrase() + ".";
            }
        };
    }
}
