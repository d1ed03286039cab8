package org.domicile.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Bytes sent as a download: never rendered by the browser, the name safely encoded. */
public final class Downloads {

    private Downloads() {
    }

    public static Response attachment(byte[] bytes, String mediaType, String fileName) {
        return Response.ok(bytes, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_LENGTH, bytes.length)
                .build();
    }

    /** RFC 6266 / RFC 8187: the name in UTF-8, percent-encoded, so no header injection and no encoding guess. */
    public static String contentDisposition(String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A");
        return "attachment; filename*=UTF-8''" + encoded;
    }
}
