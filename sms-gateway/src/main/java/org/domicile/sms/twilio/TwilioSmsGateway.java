package org.domicile.sms.twilio;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.domicile.sms.PhoneMask;
import org.domicile.sms.SmsException;
import org.domicile.sms.SmsException.Kind;
import org.domicile.sms.SmsGateway;
import org.domicile.sms.SmsMessage;
import org.domicile.sms.SmsReceipt;
import org.domicile.sms.SmsStatus;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * Sends text messages through Twilio's Messages API, for production.
 *
 * <p>Each call makes exactly one HTTP request, bounded by the configured timeout; failures are
 * mapped to {@link SmsException.Kind}s and the caller decides about retrying. When a status callback
 * URL is configured, each message's callback URL carries our reference as the {@value #REFERENCE_PARAMETER}
 * query parameter, so delivery reports can be matched even before the returned SID is stored.
 */
public final class TwilioSmsGateway implements SmsGateway {

    public static final String NAME = "twilio";

    /** Query parameter added to the status callback URL, holding {@link SmsMessage#reference()}. */
    public static final String REFERENCE_PARAMETER = "ref";

    /**
     * Twilio error codes meaning the recipient cannot get the message: 21211 invalid 'To' number,
     * 21614 not a mobile number, 21408 region not enabled, 21610 recipient unsubscribed (STOP).
     */
    public static final Set<Integer> INVALID_NUMBER_CODES = Set.of(21211, 21614, 21408, 21610);

    private static final System.Logger LOG = System.getLogger(TwilioSmsGateway.class.getName());

    private static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-fA-F]{32}$");
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$");
    private static final Pattern SHORT_CODE = Pattern.compile("^\\d{3,8}$");

    private final TwilioRestClient client;
    private final String from;
    private final URI statusCallback;

    /**
     * A gateway over a client built elsewhere (tests point it at a local server).
     *
     * @param from              sender: E.164 number, alphanumeric sender id or short code
     * @param statusCallbackUrl absolute http(s) URL for delivery reports, or null/blank for none
     * @throws IllegalStateException if {@code from} or the callback URL is malformed
     */
    public TwilioSmsGateway(TwilioRestClient client, String from, String statusCallbackUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.from = checkFrom(from);
        this.statusCallback = checkCallback(statusCallbackUrl);
    }

    /**
     * Builds a gateway with its own Twilio client whose connect and read timeouts are {@code timeout}.
     * Opens no connection.
     *
     * @throws IllegalStateException with a message naming the faulty setting, if one is missing or malformed
     */
    public static TwilioSmsGateway create(String accountSid, String authToken, String from,
                                          String statusCallbackUrl, Duration timeout) {
        return create(accountSid, authToken, from, statusCallbackUrl, timeout, null);
    }

    /**
     * As {@link #create(String, String, String, String, Duration)}, reaching the API at {@code apiBaseUrl}
     * (an http(s) URL of a relay) instead of Twilio's own hosts when it is not null.
     */
    public static TwilioSmsGateway create(String accountSid, String authToken, String from,
                                          String statusCallbackUrl, Duration timeout, String apiBaseUrl) {
        if (accountSid == null || accountSid.isBlank()) {
            throw new IllegalStateException("Twilio SMS gateway: the account SID is not set.");
        }
        if (!ACCOUNT_SID.matcher(accountSid.trim()).matches()) {
            // Length only: a secret pasted into the wrong setting must not end up in a log.
            throw new IllegalStateException("Twilio SMS gateway: the account SID must be 'AC' followed by"
                    + " 32 hexadecimal characters (the value set has " + accountSid.trim().length() + " characters).");
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalStateException("Twilio SMS gateway: the auth token is not set.");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("Twilio SMS gateway: the timeout must be positive (got " + timeout + ").");
        }
        String checkedFrom = checkFrom(from);
        URI callback = checkCallback(statusCallbackUrl);
        TwilioRestClient client = new TwilioRestClient.Builder(accountSid.trim(), authToken.trim())
                .httpClient(apiBaseUrl == null || apiBaseUrl.isBlank() ? new BoundedNetworkHttpClient(timeout)
                        : new ApiBaseUrlHttpClient(checkApiUrl(apiBaseUrl), timeout))
                .build();
        return new TwilioSmsGateway(client, checkedFrom, callback == null ? null : callback.toString());
    }

    private static String checkApiUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalStateException("Twilio SMS gateway: the API URL must be an absolute http(s) URL.");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Twilio SMS gateway: the API URL is not a valid URL.");
        }
    }

    private static String checkFrom(String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalStateException("Twilio SMS gateway: the sender (from) is not set.");
        }
        String f = from.trim();
        if (!SmsMessage.isE164(f) && !ALPHANUMERIC_SENDER.matcher(f).matches() && !SHORT_CODE.matcher(f).matches()) {
            throw new IllegalStateException("Twilio SMS gateway: the sender (from) must be an E.164 number such as"
                    + " +33 followed by the number, an alphanumeric sender id of at most 11 letters and digits,"
                    + " or a short code (got \"" + PhoneMask.mask(f) + "\").");
        }
        return f;
    }

    private static URI checkCallback(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Twilio SMS gateway: the status callback URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getFragment() != null) {
            throw new IllegalStateException("Twilio SMS gateway: the status callback URL must be an absolute"
                    + " http(s) URL without a #fragment.");
        }
        return uri;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The Twilio client in use (for tests and diagnostics). */
    TwilioRestClient client() {
        return client;
    }

    /**
     * Creates the message at Twilio. One request, no retry.
     *
     * @return Twilio's message SID and its initial status (normally QUEUED)
     */
    @Override
    public SmsReceipt send(SmsMessage message) throws SmsException {
        Objects.requireNonNull(message, "message");
        String to = PhoneMask.mask(message.to());
        MessageCreator creator = Message.creator(new PhoneNumber(message.to()), new PhoneNumber(from), message.body());
        if (statusCallback != null) {
            creator.setStatusCallback(callbackFor(message.reference()));
        }
        Message created;
        try {
            created = creator.create(client);
        } catch (ApiException e) {
            throw logged(classify(e, to, message.reference()));
        } catch (ApiConnectionException | UncheckedIOException e) {
            throw logged(unavailable(e, to, message.reference()));
        } catch (TwilioException e) {
            // Other SDK exceptions (invalid request, certificate problems) carry no status; not worth retrying.
            throw logged(new SmsException(Kind.REJECTED, "Twilio client refused to send the message to " + to
                    + " (reference " + message.reference() + "): " + e.getClass().getSimpleName()));
        }
        String sid = created.getSid();
        if (sid == null || sid.isBlank()) {
            throw logged(new SmsException(Kind.UNAVAILABLE, "Twilio accepted the message to " + to + " (reference "
                    + message.reference() + ") but returned no message SID."));
        }
        SmsStatus status = SmsStatus.fromProvider(created.getStatus() == null ? null : created.getStatus().toString());
        LOG.log(System.Logger.Level.INFO, "SMS to {0} (reference {1}) accepted by Twilio as {2}, status {3}",
                to, message.reference(), sid, status);
        return new SmsReceipt(sid, status);
    }

    private URI callbackFor(String reference) {
        String separator = statusCallback.getRawQuery() == null ? "?" : "&";
        return URI.create(statusCallback + separator + REFERENCE_PARAMETER + "=" + URLEncoder.encode(reference, UTF_8));
    }

    /**
     * Maps Twilio's answer to a kind. Twilio's own message is left out on purpose, and the exception
     * is not chained: it often quotes the full phone number ("The 'To' number +33... is not valid").
     */
    private static SmsException classify(ApiException e, String to, String reference) {
        IOException io = ioCause(e);
        if (io != null) {
            // The SDK wraps socket timeouts and connection failures in a status-less ApiException.
            return unavailable(io, to, reference);
        }
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        Integer code = e.getCode();
        String detail = "Twilio answered HTTP " + (status == 0 ? "(unknown status)" : status)
                + (code == null ? "" : " with error " + code)
                + (e.getMoreInfo() == null ? "" : " (" + e.getMoreInfo() + ")")
                + " for the message to " + to + " (reference " + reference + ")";
        if (status == 400 && code != null && INVALID_NUMBER_CODES.contains(code)) {
            return new SmsException(Kind.INVALID_NUMBER, detail + ": the number cannot receive text messages.");
        }
        if (status == 401 || status == 403) {
            return new SmsException(Kind.CONFIGURATION, detail + ": check the account SID and auth token.");
        }
        if (status == 429) {
            // Rate limited: transient, the caller's back-off applies.
            return new SmsException(Kind.UNAVAILABLE, detail + ": too many requests.");
        }
        if (status >= 400 && status < 500) {
            return new SmsException(Kind.REJECTED, detail + ".");
        }
        // 5xx, or an answer the SDK could not read (empty or HTML error page): Twilio is not working right now.
        return new SmsException(Kind.UNAVAILABLE, detail + ".");
    }

    private static SmsException unavailable(Exception e, String to, String reference) {
        Throwable cause = e instanceof IOException ? e : ioCause(e);
        String what = cause == null ? e.getClass().getSimpleName() : cause.getClass().getSimpleName();
        return new SmsException(Kind.UNAVAILABLE, "Twilio could not be reached for the message to " + to
                + " (reference " + reference + "): " + what, cause);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static SmsException logged(SmsException e) {
        LOG.log(System.Logger.Level.WARNING, "SMS not sent ({0}): {1}", e.kind(), e.getMessage());
        return e;
    }

    @Override
    public String toString() {
        return "TwilioSmsGateway[account=" + client.getAccountSid() + ", from=" + PhoneMask.mask(from) + "]";
    }
}
