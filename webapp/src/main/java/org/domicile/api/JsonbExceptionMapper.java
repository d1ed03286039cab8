package org.domicile.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body JSON-B could not bind (wrong type, malformed JSON): 400 naming the expected fields. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(JsonbException e) {
        return UnreadableBody.response(e, resource);
    }
}
