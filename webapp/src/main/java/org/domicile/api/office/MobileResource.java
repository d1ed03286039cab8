package org.domicile.api.office;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.api.session.ChallengeJson;
import org.domicile.identity.application.MobileChange;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Changing the office's mobile number: password again, then the code sent to the new number. */
@Path("office/mobile")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
public class MobileResource {

    @EJB
    MobileChange change;

    @Inject
    CurrentSession current;

    @Inject
    HttpServletRequest request;

    @POST
    @Operation(summary = "Start a mobile number change",
            description = "Checks the password and sends a code to the new number.")
    @APIResponse(responseCode = "201", description = "Code sent to the new number",
            content = @Content(schema = @Schema(ref = "ChallengeJson")))
    @APIResponse(responseCode = "400", description = "Wrong password or invalid number",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response start(MobileChangeRequest body) {
        var challenge = change.start(current.principal().accountId(), body == null ? null : body.password(),
                body == null ? null : body.mobile(), request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(ChallengeJson.of(challenge)).build();
    }

    @POST
    @Path("{challengeId}")
    @Operation(summary = "Confirm the new number",
            description = "With the code it received; the former number is told of the change.")
    @APIResponse(responseCode = "204", description = "The number is changed")
    @APIResponse(responseCode = "401", description = "Wrong, used or expired code",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response confirm(@PathParam("challengeId") String challengeId, MobileCodeRequest body) {
        change.confirm(current.principal().accountId(), challengeId, body == null ? null : body.mobile(),
                body == null ? null : body.code(), request.getRemoteAddr());
        return Response.noContent().build();
    }
}
