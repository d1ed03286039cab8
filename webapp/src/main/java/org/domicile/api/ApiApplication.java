package org.domicile.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JSON API, under {@code /api}. A client registers or logs in with a password, types the
 * code it receives by SMS and then calls the office with the bearer token it got.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Domicile API", version = "1",
                description = "Registered electronic mail: private office, session opening (password, trust check, "
                        + "SMS code), directory and counterparts. Errors are JSON: {\"error\": sentence, "
                        + "\"fields\": {field: sentence}, \"triesLeft\", \"reasons\"}."),
        tags = {
                @Tag(name = "session", description = "Registration, login with password and SMS code, logout"),
                @Tag(name = "office", description = "The private office of the logged-in user"),
                @Tag(name = "sms", description = "Delivery reports from the SMS provider")
        })
@SecurityScheme(securitySchemeName = ApiApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token returned by POST /api/sessions/{challengeId}/code")
public class ApiApplication extends Application {
    /** Name of the bearer-token security scheme in the OpenAPI document. */
    public static final String BEARER = "bearer";

    /** The OpenAPI document at /openapi describes the API; the runtime's WADL would only repeat it, in XML. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
