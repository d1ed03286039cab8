package org.domicile.api.office;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.directory.application.Counterparts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The office of the token's account and its counterpart list. The office id always comes from the session. */
@Path("office")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
@APIResponse(responseCode = "401", description = "No open session for this token",
            content = @Content(schema = @Schema(ref = "ApiError")))
public class OfficeResource {

    @EJB
    Counterparts counterparts;

    @Inject
    CurrentSession current;

    @GET
    @Operation(summary = "The office", description = "Who is logged in, his trust level and his counterparts.")
    @APIResponse(responseCode = "200", description = "The office",
            content = @Content(schema = @Schema(ref = "OfficeJson")))
    public OfficeJson office() {
        var p = current.principal();
        return new OfficeJson(p.accountId(), p.loginName(), p.displayName(), p.trustLevel().name(), p.role().name(),
                list());
    }

    @GET
    @Path("counterparts")
    @Operation(summary = "The counterparts", description = "Sorted by name.")
    @APIResponse(responseCode = "200", description = "The counterparts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PartyJson.class)))
    public List<PartyJson> list() {
        return counterparts.of(current.principal().accountId()).stream().map(PartyJson::of).toList();
    }

    @POST
    @Path("counterparts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a counterpart",
            description = "By its directory key. Adding one already in the list changes nothing and answers the same.")
    @APIResponse(responseCode = "200", description = "In the list",
            content = @Content(schema = @Schema(ref = "PartyJson")))
    @APIResponse(responseCode = "400", description = "Not a directory key, yourself, or the list is full",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "404", description = "Not in the directory",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public PartyJson add(CounterpartRequest body) {
        return PartyJson.of(counterparts.add(current.principal().accountId(), body == null ? null : body.key()));
    }

    @DELETE
    @Path("counterparts/{key}")
    @Operation(summary = "Remove a counterpart")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Not one of your counterparts",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response remove(@PathParam("key") String key) {
        counterparts.remove(current.principal().accountId(), key);
        return Response.noContent().build();
    }
}
