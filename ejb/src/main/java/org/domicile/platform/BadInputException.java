package org.domicile.platform;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that failed validation: one clear message per field; nothing was changed. */
@ApplicationException(rollback = true)
public class BadInputException extends DomicileException {
    private final Map<String, String> fieldErrors;

    public BadInputException(Map<String, String> fieldErrors) {
        super(summary(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public BadInputException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String summary(Map<String, String> errors) {
        return errors.size() == 1 ? errors.values().iterator().next()
                : "Some fields need correcting: " + String.join(" ", errors.values());
    }
}
