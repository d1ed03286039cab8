package org.domicile.api.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.domicile.api.ApiError;
import org.domicile.messaging.application.SmsStatusReports;
import org.domicile.platform.DomicileSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Twilio's delivery-status callback. Twilio signs the URL it called plus the form parameters,
 * so the URL is rebuilt as Twilio saw it: from the configured public address when there is one
 * (behind a proxy the server's own view of its URL differs), else from the request.
 */
@Path("sms/status")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "sms")
public class SmsStatusResource {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    @Inject
    SmsStatusReports reports;

    @Inject
    DomicileSettings settings;

    @Inject
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Twilio delivery report", description = "Signed by Twilio (X-Twilio-Signature).")
    @APIResponse(responseCode = "204", description = "Taken in (also when the message is not ours)")
    @APIResponse(responseCode = "403", description = "The signature does not match",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "404", description = "Twilio is not configured on this server",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response report(MultivaluedMap<String, String> form, @HeaderParam(SIGNATURE_HEADER) String signature) {
        var outcome = reports.accept(calledUrl(), firstValues(form), signature, http.getRemoteAddr());
        return switch (outcome) {
            case RECORDED, UNKNOWN_MESSAGE -> Response.noContent().build();
            case FORGED -> Response.status(Response.Status.FORBIDDEN)
                    .entity(ApiError.of("The request signature does not match.")).build();
            case NOT_CONFIGURED -> Response.status(Response.Status.NOT_FOUND)
                    .entity(ApiError.of("Delivery reports are not taken on this server.")).build();
        };
    }

    /** The URL exactly as called: raw path (not decoded) and query, after the public address if set. */
    private String calledUrl() {
        String query = http.getQueryString() == null ? "" : "?" + http.getQueryString();
        return settings.publicUrl()
                // The gateway announces publicUrl + "/api/sms/status": the path below the context root.
                .map(base -> base + http.getRequestURI().substring(http.getContextPath().length()) + query)
                .orElseGet(() -> http.getRequestURL() + query);
    }

    private static Map<String, String> firstValues(MultivaluedMap<String, String> form) {
        var params = new HashMap<String, String>();
        if (form != null) {
            form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        return params;
    }
}
