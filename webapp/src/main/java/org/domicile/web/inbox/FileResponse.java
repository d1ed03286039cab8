package org.domicile.web.inbox;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.domicile.api.Downloads;

/** Sends bytes from a page action as a download (never rendered), and ends the JSF response. */
final class FileResponse {

    private FileResponse() {
    }

    static void send(byte[] bytes, String mediaType, String fileName) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        ec.responseReset();
        ec.setResponseContentType(mediaType);
        ec.setResponseContentLength(bytes.length);
        ec.setResponseHeader("Content-Disposition", Downloads.contentDisposition(fileName));
        ec.setResponseHeader("X-Content-Type-Options", "nosniff");
        try {
            ec.getResponseOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
