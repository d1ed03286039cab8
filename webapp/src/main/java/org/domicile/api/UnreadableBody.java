package org.domicile.api;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer to a request body that cannot be read as the JSON the method expects: empty,
 * malformed, an object where a text was expected, or over the size limit. The message names
 * the expected fields, read from the method's body record, instead of repeating the parser's
 * words (which name internal classes).
 */
final class UnreadableBody {

    // JSON-B (Yasson) names the property it failed on like this; the rest of its message stays inside.
    private static final Pattern PROPERTY = Pattern.compile("deserialize property '([A-Za-z0-9_]{1,64})'");

    private UnreadableBody() {
    }

    /** True if the failure comes from reading the request body. */
    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException
                    || t instanceof NoContentException || t instanceof BodySizeLimit.TooLarge) {
                return true;
            }
        }
        return false;
    }

    static Response response(Throwable e, ResourceInfo resource) {
        List<String> fields = expectedFields(resource);
        String expected = fields.isEmpty() ? "a JSON object"
                : "a JSON object with the text fields " + String.join(", ", fields);
        String message = "The request body must be " + expected + ".";
        Map<String, String> fieldErrors = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimit.TooLarge) {
                return BodySizeLimit.tooLarge();
            }
            if (t instanceof NoContentException) {
                message = "The request body is empty. Send " + expected + ".";
            } else if (t instanceof JsonParsingException parsing && parsing.getLocation() != null) {
                message = "The request body is not valid JSON (line " + parsing.getLocation().getLineNumber()
                        + ", column " + parsing.getLocation().getColumnNumber() + "). Send " + expected + ".";
            } else if (t.getMessage() != null && fieldErrors == null) {
                Matcher property = PROPERTY.matcher(t.getMessage());
                if (property.find() && fields.contains(property.group(1))) {
                    fieldErrors = Map.of(property.group(1), property.group(1) + ": expected a text value.");
                }
            }
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(message, fieldErrors, null, null, null)).build();
    }

    private static List<String> expectedFields(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            for (Parameter p : method.getParameters()) {
                if (isEntity(p) && p.getType().isRecord()) {
                    return Arrays.stream(p.getType().getRecordComponents()).map(RecordComponent::getName).toList();
                }
            }
        }
        return List.of();
    }

    /** The entity parameter is the one without a JAX-RS parameter annotation. */
    private static boolean isEntity(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().getPackageName().startsWith("jakarta.ws.rs")) {
                return false;
            }
        }
        return true;
    }
}
