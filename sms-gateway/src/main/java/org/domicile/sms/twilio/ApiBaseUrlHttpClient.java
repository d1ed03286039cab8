package org.domicile.sms.twilio;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Twilio's client has no base-URL option: this one sends every request to another base URL
 * (same method, path, query, form, headers and auth), keeping the timeouts and the no-retry rule.
 * Used when {@code DOMICILE_TWILIO_API_URL} names an API relay (an egress proxy, a regional
 * edge), and by the tests, which point the real client at a local stub.
 */
public final class ApiBaseUrlHttpClient extends BoundedNetworkHttpClient {

    private final String baseUrl;

    public ApiBaseUrlHttpClient(String baseUrl, Duration timeout) {
        super(timeout);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response makeRequest(Request original) {
        String path;
        try {
            path = new URL(original.getUrl()).getPath();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        Request local = new Request(original.getMethod(), baseUrl + path);
        copy(original.getQueryParams(), local::addQueryParam);
        copy(original.getPostParams(), local::addPostParam);
        copy(original.getHeaderParams(), local::addHeaderParam);
        local.setContentType(original.getContentType());
        local.setBody(original.getBody());
        local.setUserAgentExtensions(original.getUserAgentExtensions());
        if (original.getUsername() != null) {
            local.setAuth(original.getUsername(), original.getPassword());
        } else if (original.getAuthStrategy() != null) {
            local.setAuth(original.getAuthStrategy());
        }
        return super.makeRequest(local);
    }

    private static void copy(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
        from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
    }
}
