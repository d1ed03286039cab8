package org.domicile.delivery.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One correspondence in one recipient's office. The answer is given once and never changes. */
@Entity
@Table(name = "delivery")
@IdClass(Delivery.Key.class)
public class Delivery {

    /** Composite key: correspondence and recipient account. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String correspondenceId;
        String recipientId;

        public Key() {
        }

        public Key(String correspondenceId, String recipientId) {
            this.correspondenceId = correspondenceId;
            this.recipientId = recipientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.correspondenceId.equals(correspondenceId)
                    && k.recipientId.equals(recipientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(correspondenceId, recipientId);
        }
    }

    @Id
    @Column(name = "correspondence_id")
    private String correspondenceId;
    @Id
    @Column(name = "recipient_id")
    private String recipientId;
    private int ordinal;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    @Column(name = "delivered_at")
    private long deliveredAt;
    @Column(name = "deadline_at")
    private long deadlineAt;
    @Column(name = "answered_at")
    private Long answeredAt;
    @Column(name = "challenge_id")
    private String challengeId;
    @Version
    private long version;

    protected Delivery() {
    }

    public Delivery(String correspondenceId, String recipientId, int ordinal, Instant now, Instant deadline) {
        this.correspondenceId = correspondenceId;
        this.recipientId = recipientId;
        this.ordinal = ordinal;
        this.status = DeliveryStatus.WAITING;
        this.deliveredAt = now.toEpochMilli();
        this.deadlineAt = deadline.toEpochMilli();
    }

    /** The recipient opened a handover session with this challenge. */
    public void handoverStarted(String challengeId) {
        requireWaiting();
        this.challengeId = challengeId;
    }

    public boolean isHandoverChallenge(String id) {
        return challengeId != null && challengeId.equals(id);
    }

    public void accept(Instant now) {
        answer(DeliveryStatus.ACCEPTED, now);
    }

    public void refuse(Instant now) {
        answer(DeliveryStatus.REFUSED, now);
    }

    /** The deadline passed without an answer. */
    public void expire(Instant now) {
        if (now.toEpochMilli() < deadlineAt) {
            throw new IllegalStateException("the deadline of " + this + " has not passed");
        }
        answer(DeliveryStatus.EXPIRED, now);
    }

    private void answer(DeliveryStatus outcome, Instant now) {
        requireWaiting();
        this.status = outcome;
        this.answeredAt = now.toEpochMilli();
    }

    private void requireWaiting() {
        if (status != DeliveryStatus.WAITING) {
            throw new AlreadyAnsweredException(status);
        }
    }

    public boolean isPastDeadline(Instant now) {
        return now.toEpochMilli() >= deadlineAt;
    }

    public String correspondenceId() {
        return correspondenceId;
    }

    public String recipientId() {
        return recipientId;
    }

    public int ordinal() {
        return ordinal;
    }

    public DeliveryStatus status() {
        return status;
    }

    public Instant deliveredAt() {
        return Instant.ofEpochMilli(deliveredAt);
    }

    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineAt);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt).map(Instant::ofEpochMilli);
    }

    @Override
    public String toString() {
        return "Delivery[" + correspondenceId + " to " + recipientId + ", " + status + "]";
    }
}
