package org.domicile.messaging.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.domicile.platform.Ids;
import org.domicile.sms.SmsStatus;

/**
 * One text message we tried to send: to whom, why, through which gateway, and what became of it.
 * The body is never stored (it carries a one-time code).
 */
@Entity
@Table(name = "sms_message")
public class SmsRecord {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    private String recipient;
    private String purpose;
    private String gateway;
    @Column(name = "provider_id")
    private String providerId;
    private String status;
    private String error;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "status_at")
    private long statusAt;
    @Version
    private long version;

    protected SmsRecord() {
    }

    public SmsRecord(String accountId, String recipient, String purpose, String gateway, Instant now) {
        this.id = Ids.newId();
        this.accountId = accountId;
        this.recipient = recipient;
        this.purpose = purpose;
        this.gateway = gateway;
        this.status = "SENDING";
        this.createdAt = now.toEpochMilli();
        this.statusAt = createdAt;
    }

    public void accepted(String providerId, SmsStatus status, Instant now) {
        this.providerId = providerId;
        this.status = status.name();
        this.statusAt = now.toEpochMilli();
    }

    public void failed(String error, Instant now) {
        this.status = SmsStatus.FAILED.name();
        this.error = error == null ? null : error.substring(0, Math.min(200, error.length()));
        this.statusAt = now.toEpochMilli();
    }

    /** A delivery report from the provider; reports can arrive out of order, the latest wins. */
    public void reported(SmsStatus status, Instant now) {
        this.status = status.name();
        this.statusAt = now.toEpochMilli();
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

    public String gateway() {
        return gateway;
    }

    public String providerId() {
        return providerId;
    }

    public String status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant statusAt() {
        return Instant.ofEpochMilli(statusAt);
    }

    /** The recipient, masked for display. */
    public String maskedRecipient() {
        return recipient.length() <= 5 ? "***"
                : recipient.substring(0, 3) + "*".repeat(recipient.length() - 5) + recipient.substring(recipient.length() - 2);
    }
}
