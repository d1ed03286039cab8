package org.domicile.api.archive;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.archive.application.Archive;
import org.domicile.archive.application.ArchiveQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Searching the office's archive of sent and received correspondence. */
@Path("archive")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
@APIResponse(responseCode = "401", description = "No open session for this token",
        content = @Content(schema = @Schema(ref = "ApiError")))
public class ArchiveResource {


    @EJB
    Archive archive;

    @Inject
    CurrentSession current;

    @Inject
    HttpServletRequest request;

    @GET
    @Operation(summary = "Search the archive",
            description = "Sent and received correspondence, newest first; every criterion optional.")
    @APIResponse(responseCode = "200", description = "The matches",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ArchiveJson.class)))
    @APIResponse(responseCode = "400", description = "A bad date or kind", content = @Content(schema = @Schema(ref = "ApiError")))
    public List<ArchiveJson> search(@QueryParam("counterpart") String counterpart, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("subject") String subject,
                                    @QueryParam("kind") String kind, @QueryParam("status") String status) {
        var q = ArchiveQuery.typed(counterpart, from, to, subject, kind, status);
        return archive.search(me(), q).stream().map(ArchiveJson::of).toList();
    }

    private String me() {
        return current.principal().accountId();
    }

    private String source() {
        return request.getRemoteAddr();
    }
}
