package org.domicile.api.office;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The logged-in user's office: who he is, at which trust level, and his counterparts. */
@Schema(name = "OfficeJson", description = "The private office of the logged-in user.")
public record OfficeJson(String accountId, String loginName, String displayName, String trustLevel, String role,
                         List<PartyJson> counterparts) {
}
