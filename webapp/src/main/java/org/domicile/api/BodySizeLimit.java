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
import java.util.regex.Pattern;

/**
 * No API request needs more than a few kilobytes of body: anything over {@value #LIMIT} bytes is
 * refused with 413 before it is parsed, by its Content-Length or, when chunked, while reading.
 * The one exception is a file upload ({@code POST correspondence/{id}/attachments}), raw bytes
 * up to the 10 MB a file may have, allowed {@value #UPLOAD_LIMIT} bytes.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    static final int LIMIT = 64 * 1024;
    static final String MESSAGE = "The request is too large (at most 64 KB).";
    /** 10 MB, the largest file, and a little: the service itself refuses a file over 10 MB with a clear message. */
    static final long UPLOAD_LIMIT = 10L * 1024 * 1024 + 64 * 1024;
    static final String UPLOAD_MESSAGE = "The file is too large (at most 10 MB).";
    private static final Pattern UPLOAD = Pattern.compile("/?correspondence/[^/]{1,100}/attachments/?");

    @Override
    public void filter(ContainerRequestContext request) {
        boolean upload = "POST".equals(request.getMethod())
                && UPLOAD.matcher(request.getUriInfo().getPath()).matches();
        long limit = upload ? UPLOAD_LIMIT : LIMIT;
        String message = upload ? UPLOAD_MESSAGE : MESSAGE;
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(message));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit, message));
        }
    }

    static Response tooLarge() {
        return tooLarge(MESSAGE);
    }

    static Response tooLarge(String message) {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(message)).build();
    }

    /** Thrown by the stream past the limit; the body mappers find it in the cause chain. */
    static final class TooLarge extends WebApplicationException {
        TooLarge(String message) {
            super(tooLarge(message));
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final String message;
        private long read;

        Bounded(InputStream in, long limit, String message) {
            super(in);
            this.limit = limit;
            this.message = message;
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
            if (read > limit) {
                throw new TooLarge(message);
            }
        }
    }
}
