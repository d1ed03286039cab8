package org.domicile.api.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.domicile.identity.application.Registration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Self-registration: creates the account (trust level LOW) and sends the code that verifies the mobile number. */
@Path("accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "session")
public class AccountsResource {

    @EJB
    Registration registration;

    @Inject
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an account",
            description = "Creates the account and sends a phone-verification code by SMS; confirm it with "
                    + "POST /api/sessions/{challengeId}/code. Every field is checked; all problems come at once.")
    @APIResponse(responseCode = "201", description = "Account created, code sent",
            content = @Content(schema = @Schema(ref = "ChallengeJson")))
    @APIResponse(responseCode = "400", description = "A field needs correcting (see fields)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "429", description = "Too many text messages to this number",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response register(RegistrationRequest body) {
        var form = (body == null ? RegistrationRequest.EMPTY : body).form();
        var challenge = registration.register(form, http.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(ChallengeJson.of(challenge)).build();
    }
}
