package org.domicile.api.correspondence;

import org.domicile.correspondence.application.RecipientView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recipient: directory key, name and trust level. */
@Schema(name = "RecipientJson", description = "A recipient of a correspondence.")
public record RecipientJson(String key, String displayName, String trustLevel) {
    static RecipientJson of(RecipientView v) {
        return new RecipientJson(v.key(), v.displayName(), v.trustLevel().name());
    }
}
