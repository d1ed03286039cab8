package org.domicile.api.correspondence;

import java.util.List;
import org.domicile.correspondence.application.DraftForm;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /api/correspondence and PUT /api/correspondence/{id}. The text stays out of {@link #toString()}. */
@Schema(name = "DraftRequest", description = "A draft as typed: kind, subject, text and recipient directory keys.")
public record DraftRequest(@Schema(description = "SIMPLE, REGISTERED or REGISTERED_WITH_ACKNOWLEDGEMENT") String kind,
                           String subject, String text,
                           @Schema(description = "Directory keys, e.g. USER:id or ORGANISATION:id") List<String> recipients) {

    static DraftForm form(DraftRequest body) {
        return body == null ? new DraftForm(null, null, null, null)
                : new DraftForm(body.kind(), body.subject(), body.text(), body.recipients());
    }

    @Override
    public String toString() {
        return "DraftRequest[" + kind + "]";
    }
}
