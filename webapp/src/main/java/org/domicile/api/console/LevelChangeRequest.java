package org.domicile.api.console;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of PUT /api/console/parties/{kind}/{id}/level: the new level and why it changes. */
@Schema(name = "LevelChangeRequest", description = "The new trust level (NONE, LOW, SUBSTANTIAL or HIGH) and a "
        + "justification of 10 to 500 characters, recorded with the change.")
public record LevelChangeRequest(String level, String justification) {
}
