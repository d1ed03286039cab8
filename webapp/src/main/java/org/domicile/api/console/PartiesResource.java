package org.domicile.api.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.domicile.api.ApiApplication;
import org.domicile.api.ApiError;
import org.domicile.api.Authenticated;
import org.domicile.api.CurrentSession;
import org.domicile.audit.AuditLog;
import org.domicile.trust.application.TrustLevels;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The trust level of a party, changed by the certification operator, as on the console page: the same
 * service, so the same checks (justification, nobody changes his own level), the same messages and the
 * same record; a lowered user's sessions end at once. Any other session is refused and the refusal audited.
 */
@Path("console/parties")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiApplication.BEARER)
@Tag(name = "console", description = "The certification operator's console (operator sessions only)")
@APIResponse(responseCode = "401", description = "No open session for this token",
        content = @Content(schema = @Schema(ref = "ApiError")))
@APIResponse(responseCode = "403", description = "The session is not the certification operator's",
        content = @Content(schema = @Schema(ref = "ApiError")))
public class PartiesResource {

    static final String OPERATOR_ONLY = "Only the certification operator may change trust levels.";
    private static final Logger LOG = Logger.getLogger(PartiesResource.class.getName());

    @EJB
    TrustLevels trust;

    @EJB
    AuditLog audit;

    @Inject
    CurrentSession current;

    @Inject
    HttpServletRequest request;

    @PUT
    @Path("{kind}/{id}/level")
    @Operation(summary = "Change a party's trust level",
            description = "With a mandatory justification, recorded with who, when, old and new level. Lowering a "
                    + "user's level ends his open sessions at once.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(ref = "TrustChangeJson")))
    @APIResponse(responseCode = "400", description = "Bad level, justification or party, or the operator's own "
            + "level (per field)", content = @Content(schema = @Schema(ref = "ApiError")))
    @APIResponse(responseCode = "404", description = "No such party",
            content = @Content(schema = @Schema(ref = "ApiError")))
    public Response changeLevel(@Parameter(description = "USER, ORGANISATION or OPERATOR") @PathParam("kind")
                                String kind,
                                @Parameter(description = "The party's id, as in its directory key") @PathParam("id")
                                String id, LevelChangeRequest body) {
        var me = current.principal();
        String source = request.getRemoteAddr();
        if (!me.isOperator()) {
            LOG.warning(() -> "Console API refused to account " + me.accountId());
            audit.record(me.loginName(), "console.denied", "/api/console/parties", "DENIED", source,
                    "not an operator");
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(OPERATOR_ONLY)).build();
        }
        var change = trust.change(me.accountId(), kind + ":" + id, body == null ? null : body.level(),
                body == null ? null : body.justification(), source);
        return Response.ok(TrustChangeJson.of(change)).build();
    }
}
