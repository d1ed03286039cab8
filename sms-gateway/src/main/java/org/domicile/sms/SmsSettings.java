package org.domicile.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of the SMS gateway, read by {@link SmsGateways#create(SmsSettings)} which validates it.
 *
 * @param provider                {@code "twilio"}, {@code "outbox"}, or null/blank for the outbox
 * @param outboxFile              the outbox's JSON-lines file (outbox only)
 * @param twilioAccountSid        {@code AC} followed by 32 hex characters (Twilio only)
 * @param twilioAuthToken         secret; never printed by {@link #toString()}
 * @param twilioFrom              sender: an E.164 number, an alphanumeric sender id or a short code
 * @param twilioStatusCallbackUrl where Twilio posts delivery reports; null for none
 * @param timeout                 connect and read timeout towards Twilio; null for {@link SmsGateways#DEFAULT_TIMEOUT}
 * @param twilioApiUrl            base URL of the Twilio API when it is reached through a relay; null for Twilio's own
 */
public record SmsSettings(String provider, Path outboxFile, String twilioAccountSid, String twilioAuthToken,
                          String twilioFrom, String twilioStatusCallbackUrl, Duration timeout, String twilioApiUrl) {

    /** Settings without an API relay. */
    public SmsSettings(String provider, Path outboxFile, String twilioAccountSid, String twilioAuthToken,
                       String twilioFrom, String twilioStatusCallbackUrl, Duration timeout) {
        this(provider, outboxFile, twilioAccountSid, twilioAuthToken, twilioFrom, twilioStatusCallbackUrl, timeout,
                null);
    }

    /** Settings for the local outbox, the embedded default. */
    public static SmsSettings outbox(Path outboxFile) {
        return new SmsSettings(SmsGateways.OUTBOX, outboxFile, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "SmsSettings[provider=" + provider
                + ", outboxFile=" + outboxFile
                + ", twilioAccountSid=" + twilioAccountSid
                + ", twilioAuthToken=" + (twilioAuthToken == null || twilioAuthToken.isEmpty() ? "<not set>" : "<hidden>")
                + ", twilioFrom=" + twilioFrom
                + ", twilioStatusCallbackUrl=" + withoutUserInfo(twilioStatusCallbackUrl)
                + ", timeout=" + timeout
                + ", twilioApiUrl=" + withoutUserInfo(twilioApiUrl) + "]";
    }

    // Twilio accepts https://user:password@host/... callbacks; the password must not reach a log.
    private static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), "<hidden>", uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (Exception e) {
            return "<unparseable URL hidden>";
        }
    }
}
