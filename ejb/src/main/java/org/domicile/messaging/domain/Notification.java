package org.domicile.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.domicile.platform.Ids;
import org.domicile.sms.SmsMessage;

/**
 * A notice queued for a user's phone, and its way to the gateway. It guards the one rule that
 * matters most: a notice is handed to the gateway at most once per claim, and a claim whose end
 * is unknown is never repeated (it becomes {@link NotificationStatus#UNCERTAIN}), so no notice
 * reaches a phone twice because a server died.
 *
 * <p>{@link #nextAttemptAt()} is when a PENDING notice is due; for a SENDING one it is the end of
 * the sender's lease, after which the claim counts as abandoned.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public static final int MAX_PURPOSE_LENGTH = 40;
    public static final int MAX_REFERENCE_LENGTH = 200;
    public static final int MAX_BODY_LENGTH = SmsMessage.MAX_BODY_LENGTH;
    private static final int MAX_ERROR_LENGTH = 200;
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_PURPOSE_LENGTH + "}");

    /** Why a claim whose sender never came back is UNCERTAIN; the operator reads it on the console. */
    public static final String ABANDONED = "The server stopped while handing this notice to the SMS gateway: it may"
            + " or may not have been sent, so it is not sent again automatically.";

    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    private String purpose;
    private String body;
    private String reference;
    @Enumerated(EnumType.STRING)
    private NotificationStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private long nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "sent_at")
    private Long sentAt;
    @Column(name = "sms_record_id")
    private String smsRecordId;
    @Version
    private long version;

    protected Notification() {
    }

    /**
     * A notice due at once.
     *
     * @throws IllegalArgumentException if a field is out of its limits (a defect of the caller)
     */
    public Notification(String accountId, String purpose, String body, String reference, Instant now) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("A notice needs an account.");
        }
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("A notice's purpose is 1 to " + MAX_PURPOSE_LENGTH
                    + " letters, digits, '_', '.' or '-'.");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("A notice's text is 1 to " + MAX_BODY_LENGTH + " characters.");
        }
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A notice's reference is 1 to " + MAX_REFERENCE_LENGTH
                    + " characters without control characters.");
        }
        this.id = Ids.newId();
        this.accountId = accountId;
        this.purpose = purpose;
        this.body = body;
        this.reference = reference;
        this.status = NotificationStatus.PENDING;
        this.createdAt = now.toEpochMilli();
        this.nextAttemptAt = createdAt;
    }

    /** Whether a worker may claim it now. */
    public boolean isDue(Instant now) {
        return status == NotificationStatus.PENDING && nextAttemptAt <= now.toEpochMilli();
    }

    /** Whether it was claimed and its sender's lease ran out without an outcome recorded. */
    public boolean isLeaseOver(Instant now) {
        return status == NotificationStatus.SENDING && nextAttemptAt <= now.toEpochMilli();
    }

    /**
     * One worker takes it for one attempt: counted before the gateway is called, so that the
     * count survives a crash during the call (SECURITY-BASELINE 26).
     *
     * @param smsRecordId the record of this attempt's message
     * @param lease       how long the attempt may take at most; after that it counts as abandoned
     */
    public void claim(String smsRecordId, Instant now, Duration lease) {
        require(NotificationStatus.PENDING, "claimed");
        if (!isDue(now)) {
            throw new IllegalStateException("notice " + id + " is not due yet");
        }
        this.status = NotificationStatus.SENDING;
        this.attempts++;
        this.smsRecordId = smsRecordId;
        this.nextAttemptAt = now.plus(lease).toEpochMilli();
    }

    /** The gateway accepted the message. */
    public void sent(Instant now) {
        require(NotificationStatus.SENDING, "marked sent");
        this.status = NotificationStatus.SENT;
        this.sentAt = now.toEpochMilli();
    }

    /**
     * The gateway refused or could not be reached. Tried again after the schedule's delay while
     * the failure is worth retrying and attempts remain; FAILED otherwise.
     *
     * @param random a number in [0, 1) for the jitter of the delay
     * @return the new status: PENDING or FAILED
     */
    public NotificationStatus sendFailed(String error, boolean retryable, Instant now, RetrySchedule schedule,
                                         double random) {
        require(NotificationStatus.SENDING, "marked failed");
        this.lastError = shorten(error);
        if (retryable && schedule.allowsAnotherAfter(attempts)) {
            this.status = NotificationStatus.PENDING;
            this.nextAttemptAt = now.plus(schedule.delayAfter(attempts, random)).toEpochMilli();
        } else {
            this.status = NotificationStatus.FAILED;
        }
        return status;
    }

    /**
     * The claim ended without a known outcome (its sender died during the call, or the gateway
     * failed in a way that does not say whether the message left): it is not sent again.
     *
     * @param why for the operator, e.g. {@link #ABANDONED}
     */
    public void uncertain(String why) {
        require(NotificationStatus.SENDING, "marked uncertain");
        this.status = NotificationStatus.UNCERTAIN;
        this.lastError = shorten(why);
    }

    /** It cannot be sent at all (no verified number): FAILED without an attempt. */
    public void undeliverable(String why) {
        require(NotificationStatus.PENDING, "given up");
        this.status = NotificationStatus.FAILED;
        this.lastError = shorten(why);
    }

    /**
     * Not now, without counting an attempt: the number is over its hourly cap, or the outcome
     * of the last attempt could not be recorded yet. Never brings the time forward, so a
     * sender's lease is not shortened.
     */
    public void postpone(Instant until, String why) {
        if (status != NotificationStatus.PENDING && status != NotificationStatus.SENDING) {
            throw new IllegalStateException("notice " + id + " is " + status + " and cannot be postponed");
        }
        this.nextAttemptAt = Math.max(nextAttemptAt, until.toEpochMilli());
        this.lastError = shorten(why);
    }

    private void require(NotificationStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("notice " + id + " is " + status + " and cannot be " + action);
        }
    }

    private static String shorten(String s) {
        return s == null ? null : s.substring(0, Math.min(MAX_ERROR_LENGTH, s.length()));
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String purpose() {
        return purpose;
    }

    public String body() {
        return body;
    }

    public String reference() {
        return reference;
    }

    public NotificationStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return Instant.ofEpochMilli(nextAttemptAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt).map(Instant::ofEpochMilli);
    }

    /** The record of the latest attempt's message, if an attempt was made. */
    public Optional<String> smsRecordId() {
        return Optional.ofNullable(smsRecordId);
    }

    /** No body here: notices may name what waits for the user. */
    @Override
    public String toString() {
        return "Notification[" + id + ", " + purpose + ", " + reference + ", " + status + ", attempts " + attempts
                + "]";
    }
}
