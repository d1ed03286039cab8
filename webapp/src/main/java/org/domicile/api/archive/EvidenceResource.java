package org.domicile.api.archive;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.api.Downloads;
import org.domicile.archive.application.EvidenceBundles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Timelines and evidence bundles, for the sender and the recipients of a correspondence only. */
@Path("evidence")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
@APIResponse(responseCode = "401", description = "No open session for this token",
        content = @Content(schema = @Schema(ref = "ApiError")))
public class EvidenceResource {

    @EJB
    EvidenceBundles bundles;

    @Inject
    CurrentSession current;

    @Inject
    HttpServletRequest request;

    @GET
    @Path("{id}/timeline")
    @Operation(summary = "What happened to a correspondence", description = "Chain state, certified steps, evidence events.")
    @APIResponse(responseCode = "200", description = "The timeline", content = @Content(schema = @Schema(ref = "TimelineJson")))
    @APIResponse(responseCode = "404", description = "Not sent or received by your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public TimelineJson timeline(@PathParam("id") String id) {
        return TimelineJson.of(bundles.timeline(me(), id, source()));
    }

    @GET
    @Path("{id}")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download the evidence bundle",
            description = "ZIP: tokens, evidence records and time-stamps, certificates, content digests, PDF report. "
                    + "Verify it offline with domicile-verify.jar.")
    @APIResponse(responseCode = "200", description = "The bundle",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Not sent or received by your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response bundle(@PathParam("id") String id) {
        var bundle = bundles.bundle(me(), id, source());
        return Downloads.attachment(bundle.zip(), "application/zip", bundle.fileName());
    }

    private String me() {
        return current.principal().accountId();
    }

    private String source() {
        return request.getRemoteAddr();
    }
}
