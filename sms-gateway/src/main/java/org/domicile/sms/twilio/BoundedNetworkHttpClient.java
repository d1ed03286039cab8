package org.domicile.sms.twilio;

import java.time.Duration;
import java.util.Objects;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Response;

/**
 * The Twilio SDK's HTTP client with our timeout on every wait (connect, read, pool lease) and without
 * automatic retries, so that a user waiting for a code gets an answer within the timeout and the caller
 * alone decides whether to try again.
 *
 * <p>Public and extensible so that tests can point it at a local server while keeping this configuration.
 */
public class BoundedNetworkHttpClient extends NetworkHttpClient {

    private final Duration timeout;

    /**
     * @param timeout applied to connecting, to each read of the answer and to waiting for a pooled connection
     */
    public BoundedNetworkHttpClient(Duration timeout) {
        super(builder(requirePositive(timeout)));
        this.timeout = timeout;
    }

    /** The timeout this client applies. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Never retries. The SDK otherwise repeats a request three times on any 5xx, which would multiply
     * the wait and could send the same one-time code twice.
     */
    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }

    private static Duration requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The SMS timeout must be positive, got " + timeout + ".");
        }
        return timeout;
    }

    @SuppressWarnings("deprecation") // RequestConfig's connect timeout is deprecated but still the one honoured
    private static HttpClientBuilder builder(Duration timeout) {
        Timeout t = Timeout.of(timeout);
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(t)
                .setResponseTimeout(t)
                .setConnectionRequestTimeout(t)
                .setRedirectsEnabled(false)
                .build();
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .useSystemProperties()
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(t).setSoKeepAlive(true).build())
                .setMaxConnPerRoute(20)
                .setMaxConnTotal(40)
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requestConfig)
                // Apache's own retry strategy repeats on some I/O errors and on 429/503.
                .disableAutomaticRetries()
                // NetworkHttpClient.makeRequest sets the SDK's default RequestConfig (30 s connect timeout)
                // on every request, which overrides the client default above; put ours back at the head
                // of the execution chain, before anything connects.
                .addExecInterceptorFirst("domicile-sms-timeouts", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(requestConfig);
                    return chain.proceed(request, scope);
                });
    }
}
