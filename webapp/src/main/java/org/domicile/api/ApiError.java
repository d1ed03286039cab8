package org.domicile.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer of the API: one sentence for the user, and where it helps the
 * fields to correct, the tries left on a code or the reasons of a trust refusal. Empty parts are
 * left out of the JSON.
 */
@Schema(name = "ApiError", description = "Every error answer: a sentence; per-field sentences for bad input; "
        + "tries left on a code; reasons of a trust refusal; a reference for server faults.")
public record ApiError(String error, Map<String, String> fields, Integer triesLeft, List<String> reasons,
                       String reference) {

    public static ApiError of(String message) {
        return new ApiError(message, null, null, null, null);
    }
}
