package org.domicile.chain.domain;

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
import org.domicile.certification.trust.TrustLevel;
import org.domicile.operators.domain.ProcessingStep;

/**
 * The chain of one correspondence: the next step, the digest it takes as input and the digest of
 * the last countersignature it must link to. Changed only by whoever holds the latest version, so
 * two workers cannot both perform a step: the second one's transaction fails and leaves nothing.
 */
@Entity
@Table(name = "chain_run")
public class ChainRun {
    /** The longest failure reason kept (the column's width). */
    public static final int FAILURE_LENGTH = 500;

    @Id
    @Column(name = "correspondence_id")
    private String correspondenceId;
    @Enumerated(EnumType.STRING)
    private ChainState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "next_step")
    private ProcessingStep nextStep;
    @Enumerated(EnumType.STRING)
    private TrustLevel level;
    @Column(name = "due_at")
    private long dueAt;
    @Column(name = "input_digest")
    private String inputDigest;
    @Column(name = "previous_digest")
    private String previousDigest;
    @Column(name = "token_count")
    private int tokenCount;
    /** Failures for a passing reason since the last countersigned step. */
    private int retries;
    /** The last of those failures, as the operator reads it; null once a step is countersigned. */
    @Column(name = "last_failure")
    private String lastFailure;
    @Column(name = "failed_at")
    private Long failedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "stopped_step")
    private ProcessingStep stoppedStep;
    @Column(name = "stop_reason")
    private String stopReason;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "updated_at")
    private long updatedAt;
    @Version
    private long version;

    protected ChainRun() {
    }

    /** A chain that starts with SUBMIT at once; its input is the content digest the sender confirmed. */
    public ChainRun(String correspondenceId, TrustLevel level, String contentDigest, Instant now) {
        this.correspondenceId = correspondenceId;
        this.state = ChainState.RUNNING;
        this.nextStep = ProcessingStep.SUBMIT;
        this.level = level;
        this.dueAt = now.toEpochMilli();
        this.inputDigest = contentDigest;
        this.previousDigest = "";
        this.createdAt = now.toEpochMilli();
        this.updatedAt = createdAt;
    }

    public boolean isDue(Instant now) {
        return state == ChainState.RUNNING && dueAt <= now.toEpochMilli();
    }

    /** The next token's number (1-based) and counts it. */
    public int nextTokenSeq() {
        return ++tokenCount;
    }

    /** A step was countersigned: the next one takes its output and links to its countersignature. */
    public void stepCountersigned(String outputDigest, String countersignatureDigest, Instant now) {
        this.inputDigest = outputDigest;
        this.previousDigest = countersignatureDigest;
        ProcessingStep[] steps = ProcessingStep.values();
        int next = nextStep.ordinal() + 1;
        if (next < steps.length) {
            this.nextStep = steps[next];
            this.state = ChainState.RUNNING;
        } else {
            this.nextStep = null;
            this.state = ChainState.DONE;
        }
        this.dueAt = now.toEpochMilli();
        this.updatedAt = now.toEpochMilli();
        this.retries = 0;
        this.lastFailure = null;
        this.failedAt = null;
    }

    /** HANDOVER was ordered and acknowledged; its return waits for the recipients. */
    public void waitForRecipients(Instant now) {
        this.state = ChainState.WAITING;
        this.updatedAt = now.toEpochMilli();
    }

    public void stop(ProcessingStep step, String reason, Instant now) {
        this.state = ChainState.STOPPED;
        this.stoppedStep = step;
        this.stopReason = reason;
        this.nextStep = null;
        this.updatedAt = now.toEpochMilli();
    }

    /**
     * Try again later (a failure that is not a check: the database was busy, a crash): after
     * {@code first}, then twice as long after each further failure in a row, never more than
     * {@code longest} apart. The failure's reason is kept, cut to {@link #FAILURE_LENGTH}, until a
     * step is countersigned. Returns the pause.
     */
    public Duration retryAfter(Duration first, Duration longest, Instant now, String why) {
        Duration pause = first.multipliedBy(1L << Math.min(retries, 20));
        if (pause.compareTo(longest) > 0) {
            pause = longest;
        }
        retries++;
        this.dueAt = now.plus(pause).toEpochMilli();
        this.failedAt = now.toEpochMilli();
        this.lastFailure = cut(why);
        return pause;
    }

    /**
     * The operator has the next try of a chain being retried made at once (he mended its cause);
     * false, changing nothing, for a chain that is not waiting for a retry.
     */
    public boolean tryNow(Instant now) {
        if (retriedAt().isEmpty() || dueAt <= now.toEpochMilli()) {
            return false;
        }
        this.dueAt = now.toEpochMilli();
        return true;
    }

    private static String cut(String why) {
        if (why.length() <= FAILURE_LENGTH) {
            return why;
        }
        int end = FAILURE_LENGTH - 1;
        return why.substring(0, Character.isHighSurrogate(why.charAt(end - 1)) ? end - 1 : end) + "…";
    }

    /**
     * While the chain is being retried (running, after failures for a passing reason): the step it
     * resumes from; empty otherwise.
     */
    public Optional<ProcessingStep> retriedAt() {
        return state == ChainState.RUNNING && retries > 0 ? Optional.ofNullable(nextStep) : Optional.empty();
    }

    /** Failures for a passing reason since the last countersigned step. */
    public int retries() {
        return retries;
    }

    /** Why the last try failed, while the chain is being retried. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** When the last try failed, while the chain is being retried. */
    public Optional<Instant> failedAt() {
        return Optional.ofNullable(failedAt).map(Instant::ofEpochMilli);
    }

    public String correspondenceId() {
        return correspondenceId;
    }

    public ChainState state() {
        return state;
    }

    public Optional<ProcessingStep> nextStep() {
        return Optional.ofNullable(nextStep);
    }

    public TrustLevel level() {
        return level;
    }

    public Instant dueAt() {
        return Instant.ofEpochMilli(dueAt);
    }

    public String inputDigest() {
        return inputDigest;
    }

    public String previousDigest() {
        return previousDigest;
    }

    public int tokenCount() {
        return tokenCount;
    }

    public Optional<ProcessingStep> stoppedStep() {
        return Optional.ofNullable(stoppedStep);
    }

    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    public Instant updatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }
}
