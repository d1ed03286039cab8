package org.domicile.api.office;

import org.domicile.directory.application.DirectoryEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A directory entry as the API shows it; {@code key} ("USER:id") is what the counterpart calls take. */
@Schema(name = "PartyJson", description = "A party of the directory; key is what the counterpart calls take.")
public record PartyJson(String key, String kind, String displayName, String trustLevel) {

    static PartyJson of(DirectoryEntry e) {
        return new PartyJson(e.key(), e.kind().name(), e.displayName(), e.trustLevel().name());
    }
}
