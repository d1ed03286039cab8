package org.domicile.chain.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.domicile.certification.trust.TrustLevel;
import org.domicile.operators.domain.ProcessingStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chain walks the eight steps in order, each linked to the previous countersignature (SPEC §3). */
class ChainRunTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    @DisplayName("SUBMIT to ARCHIVE in order; each step takes the previous output and links to its countersignature")
    void stepsInOrder() {
        var run = new ChainRun("corr", TrustLevel.SUBSTANTIAL, "a".repeat(64), T0);
        assertEquals("", run.previousDigest(), "the first ORDER links to nothing");
        List<ProcessingStep> seen = new ArrayList<>();
        int i = 0;
        while (run.nextStep().isPresent()) {
            seen.add(run.nextStep().get());
            String output = Integer.toString(i).repeat(64).substring(0, 64);
            run.stepCountersigned(output, "c".repeat(63) + i, T0.plusSeconds(++i));
            assertEquals(output, run.inputDigest());
            assertEquals("c".repeat(63) + (i - 1), run.previousDigest());
        }
        assertEquals(List.of(ProcessingStep.values()), seen);
        assertEquals(ChainState.DONE, run.state());
        assertFalse(run.isDue(T0.plusSeconds(100)), "a finished chain is never due");
    }

    @Test
    @DisplayName("A stopped chain keeps its reason and step, and is never due again")
    void stopped() {
        var run = new ChainRun("corr", TrustLevel.LOW, "a".repeat(64), T0);
        run.stop(ProcessingStep.SEAL, "OUTPUT_MISMATCH", T0);
        assertEquals(ChainState.STOPPED, run.state());
        assertEquals(ProcessingStep.SEAL, run.stoppedStep().orElseThrow());
        assertEquals("OUTPUT_MISMATCH", run.stopReason().orElseThrow());
        assertFalse(run.isDue(T0.plus(Duration.ofDays(1))));
    }

    @Test
    @DisplayName("A postponed step is due again only after the delay; token numbers count from 1")
    void postponedAndNumbered() {
        var run = new ChainRun("corr", TrustLevel.LOW, "a".repeat(64), T0);
        assertTrue(run.isDue(T0));
        run.retryAfter(Duration.ofSeconds(5), Duration.ofMinutes(10), T0, "busy");
        assertFalse(run.isDue(T0.plusSeconds(4)));
        assertTrue(run.isDue(T0.plusSeconds(5)));
        assertEquals(1, run.nextTokenSeq());
        assertEquals(2, run.nextTokenSeq());
    }

    @Test
    @DisplayName("Rule 24: a step failing again and again is tried after 5 s, then twice as long each time up to the"
            + " ceiling; a countersigned step starts the count again")
    void failingStepBacksOff() {
        var run = new ChainRun("corr", TrustLevel.LOW, "a".repeat(64), T0);
        Duration first = Duration.ofSeconds(5);
        Duration longest = Duration.ofMinutes(10);
        List<Long> pauses = new ArrayList<>();
        Instant now = T0;
        for (int failure = 0; failure < 10; failure++) {
            Duration pause = run.retryAfter(first, longest, now, "busy");
            pauses.add(pause.toSeconds());
            assertFalse(run.isDue(now.plus(pause).minusMillis(1)), "not before the pause is over");
            now = now.plus(pause);
            assertTrue(run.isDue(now));
        }
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L, 600L), pauses);
        assertEquals(10, run.retries());
        for (int failure = 0; failure < 60; failure++) {
            run.retryAfter(first, longest, now, "busy");
        }
        assertEquals(longest.toMillis(), run.retryAfter(first, longest, now, "busy").toMillis(), "no overflow after many");

        run.stepCountersigned("b".repeat(64), "c".repeat(64), now);
        assertEquals(0, run.retries());
        assertEquals(first, run.retryAfter(first, longest, now, "busy"), "the next failure starts from the first pause");
    }

    @Test
    @DisplayName("Rule 24: a retried chain keeps why and when its last try failed, cut to the column's width without"
            + " splitting a character, until a step is countersigned")
    void keepsTheLastFailureUntilAStepGoesThrough() {
        var run = new ChainRun("corr", TrustLevel.LOW, "a".repeat(64), T0);
        assertEquals(Optional.empty(), run.lastFailure());
        assertEquals(Optional.empty(), run.failedAt());
        run.retryAfter(Duration.ofSeconds(5), Duration.ofMinutes(10), T0, "SEAL step: SQLException: busy");
        Instant later = T0.plusSeconds(5);
        String long_ = "x".repeat(ChainRun.FAILURE_LENGTH - 2) + "\uD83D\uDCE8" + "tail";
        run.retryAfter(Duration.ofSeconds(5), Duration.ofMinutes(10), later, long_);
        assertEquals(Optional.of(later), run.failedAt(), "the last failure's time");
        String kept = run.lastFailure().orElseThrow();
        assertEquals(ChainRun.FAILURE_LENGTH - 1, kept.length(), "cut before the pair, with an ellipsis");
        assertEquals("x".repeat(ChainRun.FAILURE_LENGTH - 2) + "…", kept);
        run.retryAfter(Duration.ofSeconds(5), Duration.ofMinutes(10), later, "y".repeat(ChainRun.FAILURE_LENGTH));
        assertEquals("y".repeat(ChainRun.FAILURE_LENGTH), run.lastFailure().orElseThrow(), "at the width: whole");

        run.stepCountersigned("b".repeat(64), "c".repeat(64), later);
        assertEquals(Optional.empty(), run.lastFailure());
        assertEquals(Optional.empty(), run.failedAt());
    }

    @Test
    @DisplayName("The operator's \"try now\" moves only a chain waiting for a retry, and only forward")
    void tryNowOnlyForAChainWaitingForARetry() {
        var run = new ChainRun("corr", TrustLevel.LOW, "a".repeat(64), T0);
        assertFalse(run.tryNow(T0), "a chain that never failed is not waiting for a retry");
        run.retryAfter(Duration.ofSeconds(5), Duration.ofMinutes(10), T0, "busy");
        assertFalse(run.isDue(T0.plusSeconds(1)));
        assertTrue(run.tryNow(T0.plusSeconds(1)));
        assertTrue(run.isDue(T0.plusSeconds(1)), "due at once");
        assertFalse(run.tryNow(T0.plusSeconds(2)), "already due: nothing to move");
        run.stop(ProcessingStep.SEAL, "WRONG_SIGNER", T0.plusSeconds(3));
        assertFalse(run.tryNow(T0.plusSeconds(3)), "a stopped chain is never tried again");
        assertFalse(run.isDue(T0.plusSeconds(3)));
    }
}
