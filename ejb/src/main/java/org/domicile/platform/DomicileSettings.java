package org.domicile.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the domiciliation server in one place. Values come from MicroProfile
 * Config: defaults in {@code META-INF/microprofile-config.properties}, overridden by
 * environment variables ({@code domicile.code.ttl} = {@code DOMICILE_CODE_TTL}).
 */
@ApplicationScoped
public class DomicileSettings {

    /** The longest a one-time code may live (SECURITY-BASELINE 2): longer settings are cut to it. */
    public static final Duration MAX_CODE_TTL = Duration.ofMinutes(10);

    @Inject
    @ConfigProperty(name = "domicile.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "domicile.code.ttl", defaultValue = "PT10M")
    Duration codeTtl;

    @Inject
    @ConfigProperty(name = "domicile.code.max-attempts", defaultValue = "5")
    int maxCodeAttempts;

    @Inject
    @ConfigProperty(name = "domicile.code.account-failures-per-hour", defaultValue = "100")
    int accountFailuresPerHour;

    @Inject
    @ConfigProperty(name = "domicile.code.resend-cooldown", defaultValue = "PT30S")
    Duration resendCooldown;

    @Inject
    @ConfigProperty(name = "domicile.sms.per-number-per-hour", defaultValue = "10")
    int smsPerNumberPerHour;

    @Inject
    @ConfigProperty(name = "domicile.notifications.max-attempts", defaultValue = "8")
    int notificationMaxAttempts;

    @Inject
    @ConfigProperty(name = "domicile.notifications.first-retry", defaultValue = "PT30S")
    Duration notificationFirstRetry;

    @Inject
    @ConfigProperty(name = "domicile.session.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "domicile.session.absolute-timeout", defaultValue = "PT12H")
    Duration absoluteTimeout;

    @Inject
    @ConfigProperty(name = "domicile.sms.provider", defaultValue = "outbox")
    String smsProvider;

    @Inject
    @ConfigProperty(name = "domicile.sms.timeout", defaultValue = "PT10S")
    Duration smsTimeout;

    @Inject
    @ConfigProperty(name = "domicile.twilio.account-sid")
    Optional<String> twilioAccountSid;

    @Inject
    @ConfigProperty(name = "domicile.twilio.auth-token")
    Optional<String> twilioAuthToken;

    @Inject
    @ConfigProperty(name = "domicile.twilio.from")
    Optional<String> twilioFrom;

    @Inject
    @ConfigProperty(name = "domicile.twilio.api-url")
    Optional<String> twilioApiUrl;

    @Inject
    @ConfigProperty(name = "domicile.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "domicile.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "domicile.handover.period", defaultValue = "P15D")
    Duration handoverPeriod;

    @Inject
    @ConfigProperty(name = "domicile.archive.retention-years", defaultValue = "10")
    int retentionYears;

    @Inject
    @ConfigProperty(name = "domicile.hidden-until-acceptance",
            defaultValue = "REGISTERED,REGISTERED_WITH_ACKNOWLEDGEMENT")
    String hiddenUntilAcceptance;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath();
    }

    public Duration codeTtl() {
        return codeTtl.compareTo(MAX_CODE_TTL) > 0 || codeTtl.isNegative() ? MAX_CODE_TTL : codeTtl;
    }

    public int maxCodeAttempts() {
        return Math.min(5, Math.max(1, maxCodeAttempts));
    }

    public int accountFailuresPerHour() {
        return Math.min(100, Math.max(1, accountFailuresPerHour));
    }

    public Duration resendCooldown() {
        return resendCooldown;
    }

    public int smsPerNumberPerHour() {
        return smsPerNumberPerHour;
    }

    /** How many times a queued notice is handed to the gateway at most before it counts as failed. */
    public int notificationMaxAttempts() {
        return Math.max(1, notificationMaxAttempts);
    }

    /** The wait before a notice's second attempt; it doubles for each further one. */
    public Duration notificationFirstRetry() {
        return notificationFirstRetry.isNegative() || notificationFirstRetry.isZero() ? Duration.ofSeconds(30)
                : notificationFirstRetry;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    public String smsProvider() {
        return smsProvider.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public Duration smsTimeout() {
        return smsTimeout;
    }

    public Optional<String> twilioAccountSid() {
        return twilioAccountSid;
    }

    public Optional<String> twilioAuthToken() {
        return twilioAuthToken;
    }

    public Optional<String> twilioFrom() {
        return twilioFrom;
    }

    /** Base URL of the Twilio API when reached through a relay; empty for Twilio's own hosts. */
    public Optional<String> twilioApiUrl() {
        return twilioApiUrl.filter(s -> !s.isBlank());
    }

    /** The address users reach this service at (for links and Twilio status callbacks). */
    public Optional<String> publicUrl() {
        return publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** The password of the key store; when absent, a generated one in the data folder is used. */
    public Optional<String> masterKey() {
        return masterKey.filter(s -> !s.isBlank());
    }

    /** How long a recipient has to accept or refuse a delivered correspondence (default 15 days). */
    public Duration handoverPeriod() {
        return handoverPeriod.isNegative() || handoverPeriod.isZero() ? Duration.ofDays(15) : handoverPeriod;
    }

    /** How long the archive keeps a correspondence with its evidence (default 10 years). */
    public int retentionYears() {
        return Math.max(1, retentionYears);
    }

    /** Whether recipients see the sender and subject of this kind only after accepting (kind name, e.g. REGISTERED). */
    public boolean hidesSenderAndSubject(String kind) {
        return java.util.Arrays.stream(hiddenUntilAcceptance.split(",")).map(String::strip).anyMatch(kind::equals);
    }
}
