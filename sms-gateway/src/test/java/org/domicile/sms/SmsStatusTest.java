package org.domicile.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsStatusTest {

    @ParameterizedTest
    @CsvSource({
        "accepted, QUEUED", "queued, QUEUED", "sending, QUEUED", "sent, SENT", "delivered, DELIVERED",
        "read, DELIVERED", "undelivered, UNDELIVERED", "failed, FAILED", "canceled, FAILED",
        "DELIVERED, DELIVERED", "scheduled, UNKNOWN", "receiving, UNKNOWN", "nonsense, UNKNOWN"
    })
    void mapsTwilioStatuses(String twilio, SmsStatus expected) {
        assertEquals(expected, SmsStatus.fromProvider(twilio));
    }

    @Test
    void nullIsUnknown() {
        assertEquals(SmsStatus.UNKNOWN, SmsStatus.fromProvider(null));
    }
}
