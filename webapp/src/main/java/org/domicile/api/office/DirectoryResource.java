package org.domicile.api.office;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.directory.application.Directory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Directory search for logged-in users: names and trust levels only, capped, so it cannot be harvested. */
@Path("directory")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
public class DirectoryResource {

    @EJB
    Directory directory;

    @Inject
    CurrentSession current;

    @GET
    @Operation(summary = "Search the directory",
            description = "Users and organisations by name, login name or exact e-mail address; at most 20 results;"
                    + " never the searcher himself.")
    @APIResponse(responseCode = "200", description = "Matches, sorted by name",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PartyJson.class)))
    @APIResponse(responseCode = "400", description = "Query shorter than 2 or longer than 100 characters",
            content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "401", description = "No open session for this token",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public List<PartyJson> search(@Parameter(description = "2 to 100 characters") @QueryParam("q") String q) {
        return directory.searchFrom(current.principal().accountId(), q).stream().map(PartyJson::of).toList();
    }
}
