package org.domicile.archive.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened to a correspondence, as its sender and recipients may follow it: the state of its
 * chain, each certified step and each evidence event.
 *
 * @param state      RUNNING, WAITING, DONE or STOPPED (NONE before the chain started)
 * @param stopReason why the chain stopped, if it did
 * @param delay      while a step that failed for a passing reason is being tried again: where and until when
 */
public record Timeline(String id, String state, Optional<String> stopReason, Optional<Delay> delay, List<Step> steps,
                       List<Event> events) {

    /**
     * The chain is held up at {@code step}: {@code tries} tries failed in a row (a passing fault of
     * the service, told without its details), the next is at {@code nextTry}.
     */
    public record Delay(String step, int tries, Instant nextTry) {
    }

    /** A step whose return was countersigned. */
    public record Step(String step, String operator, Instant countersignedAt) {
    }

    /** An evidence record: ETSI event name, time, reason of a negative event ("" otherwise). */
    public record Event(int seq, String event, Instant time, String reason, String evidenceId) {
    }
}
