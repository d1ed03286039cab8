package org.domicile.evidence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.domicile.certification.evidence.EvidenceEvent;
import org.domicile.certification.evidence.SignedEvidence;

/** One issued evidence record of a correspondence; never changed after it is written. */
@Entity
@Table(name = "evidence")
public class EvidenceEntry {
    @Id
    private String id;
    @Column(name = "correspondence_id")
    private String correspondenceId;
    private int seq;
    private String event;
    @Column(name = "event_time")
    private long eventTime;
    @Column(name = "recipient_id")
    private String recipientId;
    private byte[] cms;
    private byte[] tst;

    protected EvidenceEntry() {
    }

    public EvidenceEntry(String id, String correspondenceId, int seq, EvidenceEvent event, Instant eventTime,
                         String recipientId, SignedEvidence signed) {
        this.id = id;
        this.correspondenceId = correspondenceId;
        this.seq = seq;
        this.event = event.etsiName();
        this.eventTime = eventTime.toEpochMilli();
        this.recipientId = recipientId;
        this.cms = signed.cms();
        this.tst = signed.timestamp();
    }

    public String id() {
        return id;
    }

    public String correspondenceId() {
        return correspondenceId;
    }

    public int seq() {
        return seq;
    }

    public EvidenceEvent event() {
        return EvidenceEvent.ofEtsiName(event);
    }

    public Instant eventTime() {
        return Instant.ofEpochMilli(eventTime);
    }

    /** The recipient the event concerns, when it concerns one only. */
    public Optional<String> recipientId() {
        return Optional.ofNullable(recipientId);
    }

    public SignedEvidence signed() {
        return new SignedEvidence(cms, tst);
    }
}
