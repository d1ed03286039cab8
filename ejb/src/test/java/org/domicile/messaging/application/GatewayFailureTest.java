package org.domicile.messaging.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.domicile.messaging.application.GatewayFailure.Verdict;
import org.domicile.sms.SmsException;
import org.domicile.sms.SmsException.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a gateway failure means for a notice (SECURITY-BASELINE 24, 26): retried, given up, or of
 * unknown outcome and so never sent again; and the same verdict when read back from the message record.
 */
class GatewayFailureTest {

    @Test
    @DisplayName("Rule 26: an unreachable gateway, or our own configuration fault, is retried")
    void retried() {
        assertEquals(Verdict.RETRY, GatewayFailure.of(new SmsException(Kind.UNAVAILABLE, "timeout")).verdict());
        assertEquals(Verdict.RETRY, GatewayFailure.of(new SmsException(Kind.CONFIGURATION, "401")).verdict());
    }

    @Test
    @DisplayName("A number that cannot receive texts, or a refused message, is not retried")
    void givenUp() {
        assertEquals(Verdict.GIVE_UP, GatewayFailure.of(new SmsException(Kind.INVALID_NUMBER, "21614")).verdict());
        assertEquals(Verdict.GIVE_UP, GatewayFailure.of(new SmsException(Kind.REJECTED, "30007")).verdict());
        assertEquals(Verdict.GIVE_UP, GatewayFailure.unsendable(new IllegalArgumentException("too long")).verdict());
    }

    @Test
    @DisplayName("Rule 24: an undeclared gateway error may come after the message left: never sent again")
    void unknownOutcome() {
        GatewayFailure f = GatewayFailure.unexpected(new IllegalStateException("parse error"));
        assertEquals(Verdict.UNKNOWN, f.verdict());
        assertEquals("UNEXPECTED: IllegalStateException", f.error(), "the type only: messages may carry data");
        assertEquals(Verdict.UNKNOWN, GatewayFailure.fromRecorded(null).verdict());
        assertEquals(Verdict.UNKNOWN, GatewayFailure.fromRecorded("something else").verdict());
    }

    @Test
    @DisplayName("Rule 24: read back from the message record, every failure gets the verdict it had when it happened")
    void sameVerdictFromRecord() {
        for (Kind kind : Kind.values()) {
            GatewayFailure now = GatewayFailure.of(new SmsException(kind, "detail: with a colon"));
            GatewayFailure later = GatewayFailure.fromRecorded(now.error());
            assertEquals(now, later);
            assertTrue(now.error().startsWith(kind.name() + ": "));
        }
        GatewayFailure unexpected = GatewayFailure.unexpected(new RuntimeException());
        assertEquals(unexpected, GatewayFailure.fromRecorded(unexpected.error()));
    }
}
