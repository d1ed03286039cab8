package org.domicile.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.domicile.sms.outbox.OutboxSmsGateway;
import org.domicile.sms.twilio.TwilioSmsGateway;

/**
 * Builds the {@link SmsGateway} named by the configuration: Twilio in production,
 * the local outbox by default.
 */
public final class SmsGateways {

    public static final String TWILIO = "twilio";
    public static final String OUTBOX = "outbox";

    /** Long enough for Twilio on a bad day, short enough that a user waiting on a page gives an answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private SmsGateways() {
    }

    /**
     * Creates the configured gateway. Nothing is sent and no connection is opened.
     *
     * @throws IllegalStateException    if the chosen provider's settings are missing or malformed
     * @throws IllegalArgumentException if the provider name is unknown
     */
    public static SmsGateway create(SmsSettings settings) {
        Objects.requireNonNull(settings, "SMS settings");
        String provider = settings.provider() == null ? "" : settings.provider().trim().toLowerCase(Locale.ROOT);
        switch (provider) {
            case "", OUTBOX -> {
                if (settings.outboxFile() == null) {
                    throw new IllegalStateException(
                            "SMS outbox: the outbox file is not set; give a file in the data folder.");
                }
                return new OutboxSmsGateway(settings.outboxFile(), Clock.systemUTC());
            }
            case TWILIO -> {
                Duration timeout = settings.timeout() == null ? DEFAULT_TIMEOUT : settings.timeout();
                return TwilioSmsGateway.create(settings.twilioAccountSid(), settings.twilioAuthToken(),
                        settings.twilioFrom(), settings.twilioStatusCallbackUrl(), timeout, settings.twilioApiUrl());
            }
            default -> throw new IllegalArgumentException("Unknown SMS provider \"" + settings.provider()
                    + "\": allowed values are \"" + TWILIO + "\" and \"" + OUTBOX + "\" (the default when not set).");
        }
    }
}
