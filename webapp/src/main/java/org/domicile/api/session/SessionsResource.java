package org.domicile.api.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.platform.BadInputException;
import org.domicile.session.application.OfficeLogin;
import org.domicile.session.domain.Purpose;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Opening and closing an office session: the password step (trust check and SMS), the code
 * step (which also verifies a new mobile number), a new code, and logout.
 */
@Path("sessions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "session")
public class SessionsResource {

    /** No code is this long: refused before it costs the user one of his tries. */
    private static final int MAX_CODE_LENGTH = 64;
    private static final String CODE_RULE = "Code: type the 6 digits from the text message.";

    @EJB
    OfficeLogin login;

    @Inject
    CurrentSession current;

    @Inject
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Password step",
            description = "Checks the password, asks the certification server to vouch for the user and sends a "
                    + "code by SMS. An account whose number is not verified yet gets a PHONE_VERIFICATION code.")
    @APIResponse(responseCode = "201", description = "Code sent",
            content = @Content(schema = @Schema(ref = "ChallengeJson")))
    @APIResponse(responseCode = "400", description = "Login name or password missing",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "401", description = "Wrong login name or password (same answer for unknown accounts)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "403", description = "Trust check refused (see reasons)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "429", description = "Too many text messages to this number",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response start(LoginRequest body) {
        var request = body == null ? LoginRequest.EMPTY : body;
        var challenge = login.start(request.loginName(), request.password(), http.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(ChallengeJson.of(challenge)).build();
    }

    @POST
    @Path("{challengeId}/code")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Code step",
            description = "Checks the code against this challenge. LOGIN: opens the session and returns the bearer "
                    + "token. PHONE_VERIFICATION: marks the number verified; log in next.")
    // Payara's document generator garbles oneOf, so the second shape is named in the description.
    @APIResponse(responseCode = "200", description = "LOGIN: session opened (SessionJson). PHONE_VERIFICATION: "
            + "{\"purpose\": \"PHONE_VERIFICATION\", \"verified\": true} (PhoneVerifiedJson).",
            content = @Content(schema = @Schema(ref = "SessionJson")))
    @APIResponse(responseCode = "400", description = "No code given",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "401", description = "Wrong, used or expired code (see triesLeft)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response confirm(@Parameter(description = "From the password or registration step")
                            @PathParam("challengeId") String challengeId, CodeRequest body) {
        String code = body == null ? null : body.code();
        if (code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
            throw new BadInputException("code", CODE_RULE);
        }
        var outcome = login.confirm(challengeId, code, http.getRemoteAddr());
        if (outcome.purpose() == Purpose.LOGIN && outcome.session().isPresent()) {
            return Response.ok(SessionJson.of(outcome.session().get())).build();
        }
        return Response.ok(new PhoneVerifiedJson(outcome.purpose().name(), true)).build();
    }

    @POST
    @Path("{challengeId}/resend")
    @Operation(summary = "Send a new code", description = "After the cooldown; the previous code stops working.")
    @APIResponse(responseCode = "200", description = "New code sent",
            content = @Content(schema = @Schema(ref = "ChallengeJson")))
    @APIResponse(responseCode = "401", description = "The challenge is no longer valid",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "429", description = "Too early (Retry-After) or too many text messages",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public ChallengeJson resend(@PathParam("challengeId") String challengeId) {
        return ChallengeJson.of(login.resend(challengeId, http.getRemoteAddr()));
    }

    @DELETE
    @Path("current")
    @Authenticated
    @SecurityRequirement(name = ApiApplication.BEARER)
    @Operation(summary = "Log out", description = "Ends the session of the bearer token on the server.")
    @APIResponse(responseCode = "204", description = "Session ended")
    @APIResponse(responseCode = "401", description = "No open session for this token",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response logout() {
        login.logout(current.token(), http.getRemoteAddr());
        return Response.noContent().build();
    }
}
