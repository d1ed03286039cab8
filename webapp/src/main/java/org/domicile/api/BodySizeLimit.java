package org.domicile.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No API request needs more than a few kilobytes of body: anything over {@value #LIMIT} bytes is
 * refused with 413 before it is parsed, by its Content-Length or, when chunked, while reading.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    static final int LIMIT = 64 * 1024;
    static final String MESSAGE = "The request is too large (at most 64 KB).";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > LIMIT) {
            request.abortWith(tooLarge());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    static Response tooLarge() {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(MESSAGE)).build();
    }

    /** Thrown by the stream past the limit; the body mappers find it in the cause chain. */
    static final class TooLarge extends WebApplicationException {
        TooLarge() {
            super(tooLarge());
        }
    }

    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > LIMIT) {
                throw new TooLarge();
            }
        }
    }
}
