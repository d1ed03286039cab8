package org.domicile.api.correspondence;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.api.Downloads;
import org.domicile.api.session.ChallengeJson;
import org.domicile.correspondence.application.AttachmentDownload;
import org.domicile.correspondence.application.CorrespondenceSending;
import org.domicile.correspondence.application.Drafts;
import org.domicile.correspondence.application.Validation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The office's correspondence: drafts, their files, validation and sending with an SMS code.
 * The office always comes from the session; a correspondence of another office is "not found".
 */
@Path("correspondence")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
@APIResponse(responseCode = "401", description = "No open session for this token",
        content = @Content(schema = @Schema(ref = "ApiError")))
public class CorrespondenceResource {

    @EJB
    Drafts drafts;

    @EJB
    Validation validation;

    @EJB
    CorrespondenceSending sending;

    @Inject
    CurrentSession current;

    @Inject
    HttpServletRequest request;

    @POST
    @Operation(summary = "Write a draft", description = "Every field is checked and every problem reported at once.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(schema = @Schema(ref = "CorrespondenceJson")))
    @APIResponse(responseCode = "400", description = "Bad kind, subject, text or recipients (per field)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response create(DraftRequest body) {
        var view = drafts.create(me(), DraftRequest.form(body), source());
        return Response.status(Response.Status.CREATED).entity(CorrespondenceJson.of(view)).build();
    }

    @GET
    @Operation(summary = "My drafts", description = "Not sent yet, most recently changed first.")
    @APIResponse(responseCode = "200", description = "The drafts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SummaryJson.class)))
    public List<SummaryJson> mine() {
        return drafts.mine(me()).stream().map(SummaryJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One correspondence", description = "Draft or sent, with its text and files.")
    @APIResponse(responseCode = "200", description = "The correspondence",
            content = @Content(schema = @Schema(ref = "CorrespondenceJson")))
    @APIResponse(responseCode = "404", description = "Not a correspondence of your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public CorrespondenceJson get(@PathParam("id") String id) {
        return CorrespondenceJson.of(drafts.get(me(), id, source()));
    }

    @GET
    @Path("{id}/summary")
    @Operation(summary = "The state of one correspondence",
            description = "Its status and counts, without its text or files: for following a correspondence.")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(schema = @Schema(implementation = SummaryJson.class)))
    @APIResponse(responseCode = "404", description = "Not a correspondence of your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public SummaryJson summary(@PathParam("id") String id) {
        return SummaryJson.of(drafts.summary(me(), id, source()));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a draft",
            description = "Replaces kind, subject, text and recipients; a previous validation no longer holds.")
    @APIResponse(responseCode = "200", description = "The draft",
            content = @Content(schema = @Schema(ref = "CorrespondenceJson")))
    @APIResponse(responseCode = "400", description = "Bad kind, subject, text or recipients (per field)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "404", description = "Not a correspondence of your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "409", description = "Already sent",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public CorrespondenceJson edit(@PathParam("id") String id, DraftRequest body) {
        return CorrespondenceJson.of(drafts.edit(me(), id, DraftRequest.form(body), source()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft", description = "With its files. A sent correspondence cannot be deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Not a correspondence of your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "409", description = "Already sent",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response delete(@PathParam("id") String id) {
        drafts.delete(me(), id, source());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add a file",
            description = "The raw bytes of the file as the body (application/octet-stream), at most 10 MB. Its type "
                    + "is found in its content and must agree with its name; the office's unsent files may take "
                    + "at most 200 MB.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "The file was added",
            content = @Content(schema = @Schema(ref = "AttachmentJson")))
    @APIResponse(responseCode = "400", description = "Bad name, type not accepted, type and name disagree, "
            + "too large or quota reached", content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "404", description = "Not a correspondence of your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "413", description = "The body is over 10 MB",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response addAttachment(@PathParam("id") String id,
                                  @Parameter(description = "The file name, e.g. letter.pdf") @QueryParam("name")
                                  String name, InputStream content) {
        var view = drafts.addAttachment(me(), id, name, content, source());
        return Response.status(Response.Status.CREATED).entity(AttachmentJson.of(view)).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a file",
            description = "The bytes as stored, always as a download (application/octet-stream, nosniff): "
                    + "user content is never rendered.")
    @APIResponse(responseCode = "200", description = "The bytes",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such correspondence or file",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        AttachmentDownload file = drafts.attachment(me(), id, attachmentId, source());
        return Downloads.attachment(file.content(), MediaType.APPLICATION_OCTET_STREAM, file.fileName());
    }

    @DELETE
    @Path("{id}/attachments/{attachmentId}")
    @Operation(summary = "Remove a file")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such correspondence or file",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "409", description = "Already sent",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response removeAttachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        drafts.removeAttachment(me(), id, attachmentId, source());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/validation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Validate a draft",
            description = "Freezes its content digest and shows exactly what will be sealed: every part with its "
                    + "size and SHA-256, and whether every party reaches the level its kind requires. Any later "
                    + "change drops the validation.")
    @APIResponse(responseCode = "200", description = "What will be sealed",
            content = @Content(schema = @Schema(ref = "ValidationJson")))
    @APIResponse(responseCode = "404", description = "Not a correspondence of your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "409", description = "Already sent",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public ValidationJson validate(@PathParam("id") String id) {
        return ValidationJson.of(validation.validate(me(), id, source()));
    }

    @POST
    @Path("{id}/sending")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start sending a validated correspondence",
            description = "Checks the trust level of the sender and every recipient and sends a code by SMS, bound "
                    + "to the validated content.")
    @APIResponse(responseCode = "201", description = "Code sent",
            content = @Content(schema = @Schema(ref = "ChallengeJson")))
    @APIResponse(responseCode = "400", description = "Not validated, or a recipient left the directory",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "403", description = "A party does not reach the required level (reasons)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "404", description = "Not a correspondence of your office",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "429", description = "Too many codes asked for; see Retry-After",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response startSending(@PathParam("id") String id) {
        var challenge = sending.start(me(), id, source());
        return Response.status(Response.Status.CREATED).entity(ChallengeJson.of(challenge)).build();
    }

    @POST
    @Path("{id}/sending/{challengeId}/resend")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send the code again",
            description = "For the same content, after the cooldown; the former code stops working.")
    @APIResponse(responseCode = "200", description = "A new code was sent",
            content = @Content(schema = @Schema(ref = "ChallengeJson")))
    @APIResponse(responseCode = "401", description = "This sending session is no longer valid",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "429", description = "Too early or too many; see Retry-After",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public ChallengeJson resend(@PathParam("id") String id, @PathParam("challengeId") String challengeId) {
        return ChallengeJson.of(sending.resend(me(), id, challengeId, source()));
    }

    @POST
    @Path("{id}/sending/{challengeId}")
    @Operation(summary = "Confirm the sending with the code",
            description = "The code is checked against the content as it is now; on success the correspondence "
                    + "is SUBMITTED.")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(ref = "CorrespondenceJson")))
    @APIResponse(responseCode = "401", description = "Wrong, used or expired code, or the content changed (tries left)",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public CorrespondenceJson confirmSending(@PathParam("id") String id, @PathParam("challengeId") String challengeId,
                                             SendingCodeRequest body) {
        return CorrespondenceJson.of(sending.confirm(me(), id, challengeId, body == null ? null : body.code(),
                source()));
    }

    private String me() {
        return current.principal().accountId();
    }

    private String source() {
        return request.getRemoteAddr();
    }
}
