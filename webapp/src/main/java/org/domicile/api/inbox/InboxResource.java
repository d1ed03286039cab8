package org.domicile.api.inbox;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.api.Downloads;
import org.domicile.api.session.ChallengeJson;
import org.domicile.correspondence.application.AttachmentDownload;
import org.domicile.delivery.application.Inbox;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The recipient's inbox and the handover session. Another office's correspondence is "not found". */
@Path("inbox")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
@APIResponse(responseCode = "401", description = "No open session for this token",
        content = @Content(schema = @Schema(ref = "ApiError")))
public class InboxResource {

    @EJB
    Inbox inbox;

    @Inject
    CurrentSession current;

    @Inject
    HttpServletRequest request;

    @GET
    @Operation(summary = "My inbox", description = "Received correspondence, most recently delivered first.")
    @APIResponse(responseCode = "200", description = "The inbox",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InboxJson.class)))
    public List<InboxJson> list(@QueryParam("limit") Integer limit) {
        return inbox.list(me(), limit == null ? 100 : limit).stream().map(InboxJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One received correspondence", description = "Text and files once accepted.")
    @APIResponse(responseCode = "200", description = "The correspondence",
            content = @Content(schema = @Schema(ref = "InboxJson")))
    @APIResponse(responseCode = "404", description = "Not delivered to your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public InboxJson get(@PathParam("id") String id) {
        return InboxJson.of(inbox.get(me(), id, source()));
    }

    @POST
    @Path("{id}/handover")
    @Operation(summary = "Open the handover session",
            description = "Trust check of you, the sender and the chain at the kind's level, then a code by SMS.")
    @APIResponse(responseCode = "201", description = "Code sent", content = @Content(schema = @Schema(ref = "ChallengeJson")))
    @APIResponse(responseCode = "403", description = "A party is below the kind's level",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "409", description = "Already answered or past the deadline",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response startHandover(@PathParam("id") String id) {
        return Response.status(Response.Status.CREATED).entity(ChallengeJson.of(inbox.startHandover(me(), id, source())))
                .build();
    }

    @POST
    @Path("{id}/handover/{challengeId}/resend")
    @Operation(summary = "A new code for the handover session", description = "After the cooldown; the old code stops working.")
    public ChallengeJson resend(@PathParam("id") String id, @PathParam("challengeId") String challengeId) {
        return ChallengeJson.of(inbox.resendHandover(me(), id, challengeId, source()));
    }

    @POST
    @Path("{id}/handover/{challengeId}")
    @Operation(summary = "Accept or refuse with the code",
            description = "Final. Accepting releases the content; either answer becomes evidence and the sender is notified.")
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(ref = "InboxJson")))
    @APIResponse(responseCode = "400", description = "Decision is not ACCEPT or REFUSE",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public InboxJson answer(@PathParam("id") String id, @PathParam("challengeId") String challengeId,
                            AnswerRequest body) {
        return InboxJson.of(inbox.answer(me(), id, challengeId, body == null ? null : body.code(),
                body == null ? null : body.decision(), source()));
    }

    @GET
    @Path("{id}/parts/{name}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a part of an accepted correspondence",
            description = "message.txt or a file name; always as a download (nosniff).")
    public Response part(@PathParam("id") String id, @PathParam("name") String name) {
        AttachmentDownload file = inbox.part(me(), id, name, source());
        return Downloads.attachment(file.content(), MediaType.APPLICATION_OCTET_STREAM, file.fileName());
    }

    private String me() {
        return current.principal().accountId();
    }

    private String source() {
        return request.getRemoteAddr();
    }
}
