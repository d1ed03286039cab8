package org.domicile.api.archive;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.domicile.api.ApiApplication;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.archive.application.Archive;
import org.domicile.archive.application.ArchiveQuery;
import org.domicile.platform.BadInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Searching the office's archive of sent and received correspondence. */
@Path("archive")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(ref = "office")
@APIResponse(responseCode = "401", description = "No open session for this token",
        content = @Content(schema = @Schema(ref = "ApiError")))
public class ArchiveResource {

    static final String DATE_RULE = "Dates: write them as YYYY-MM-DD.";

    @Inject
    Archive archive;

    @Inject
    CurrentSession current;

    @Context
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
        var q = new ArchiveQuery(Optional.ofNullable(counterpart), date("from", from), date("to", to),
                Optional.ofNullable(subject), Optional.ofNullable(kind), Optional.ofNullable(status));
        return archive.search(me(), q).stream().map(ArchiveJson::of).toList();
    }

    private static Optional<LocalDate> date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new BadInputException(field, DATE_RULE);
        }
    }

    private String me() {
        return current.principal().accountId();
    }

    private String source() {
        return request.getRemoteAddr();
    }
}
