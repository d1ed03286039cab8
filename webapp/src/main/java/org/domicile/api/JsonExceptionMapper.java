package org.domicile.api;

import jakarta.json.JsonException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Malformed JSON reported by the JSON-P parser under JSON-B: 400 naming the expected fields. */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(JsonException e) {
        return UnreadableBody.response(e, resource);
    }
}
