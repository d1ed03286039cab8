package org.domicile.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A recipient answers once; the answer never changes; expiry only after the deadline (SPEC §3). */
class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant DEADLINE = T0.plus(Duration.ofDays(15));

    private static Delivery waiting() {
        return new Delivery("corr", "recipient", 0, T0, DEADLINE);
    }

    @Test
    @DisplayName("Accepting is final: a later refusal or expiry is refused with a sentence for the user")
    void acceptIsFinal() {
        Delivery d = waiting();
        d.accept(T0.plusSeconds(60));
        assertEquals(DeliveryStatus.ACCEPTED, d.status());
        assertEquals(T0.plusSeconds(60), d.answeredAt().orElseThrow());
        var again = assertThrows(AlreadyAnsweredException.class, () -> d.refuse(T0.plusSeconds(61)));
        assertEquals("You have already accepted this correspondence.", again.getMessage());
        assertThrows(AlreadyAnsweredException.class, () -> d.expire(DEADLINE.plusSeconds(1)));
        assertEquals(DeliveryStatus.ACCEPTED, d.status());
    }

    @Test
    @DisplayName("Expiry happens at the deadline, not a millisecond before")
    void expiryOnlyAfterDeadline() {
        Delivery d = waiting();
        assertFalse(d.isPastDeadline(DEADLINE.minusMillis(1)));
        assertThrows(IllegalStateException.class, () -> d.expire(DEADLINE.minusMillis(1)));
        assertEquals(DeliveryStatus.WAITING, d.status());
        assertTrue(d.isPastDeadline(DEADLINE));
        d.expire(DEADLINE);
        assertEquals(DeliveryStatus.EXPIRED, d.status());
        assertEquals("The deadline to accept this correspondence has passed.",
                assertThrows(AlreadyAnsweredException.class, () -> d.accept(DEADLINE)).getMessage());
    }

    @Test
    @DisplayName("Only the handover session started for this delivery can answer it")
    void handoverChallenge() {
        Delivery d = waiting();
        assertFalse(d.isHandoverChallenge("c1"));
        d.handoverStarted("c1");
        assertTrue(d.isHandoverChallenge("c1"));
        assertFalse(d.isHandoverChallenge("c2"));
        d.refuse(T0.plusSeconds(5));
        assertThrows(AlreadyAnsweredException.class, () -> d.handoverStarted("c3"));
    }
}
