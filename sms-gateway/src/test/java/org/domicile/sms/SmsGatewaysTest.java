package org.domicile.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.domicile.sms.outbox.OutboxSmsGateway;
import org.domicile.sms.twilio.TwilioSmsGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsGatewaysTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";

    @TempDir
    Path dir;

    private SmsSettings settings(String provider, String sid, String token, String from) {
        return new SmsSettings(provider, dir.resolve("outbox.jsonl"), sid, token, from,
                "https://domicile.example/sms/status", Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "outbox", "OUTBOX", " Outbox "})
    void outboxIsTheDefault(String provider) throws Exception {
        SmsGateway gateway = SmsGateways.create(settings(provider, null, null, null));

        OutboxSmsGateway outbox = assertInstanceOf(OutboxSmsGateway.class, gateway);
        assertEquals("outbox", gateway.name());
        gateway.send(new SmsMessage("+33612345678", "hello", "r1"));
        assertEquals(1, outbox.latest(5).size());
    }

    @Test
    void outboxWithoutFileIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SmsGateways.create(new SmsSettings(null, null, null, null, null, null, null)));

        assertTrue(e.getMessage().contains("outbox file"), e.getMessage());
    }

    @Test
    void twilioWithCompleteSettingsIsTwilio() {
        SmsGateway gateway = SmsGateways.create(settings("twilio", SID, TOKEN, "+15005550006"));

        assertInstanceOf(TwilioSmsGateway.class, gateway);
        assertEquals("twilio", gateway.name());
    }

    @Test
    void twilioWithMissingSettingsIsAClearError() {
        assertTrue(assertThrows(IllegalStateException.class,
                () -> SmsGateways.create(settings("twilio", null, TOKEN, "+15005550006")))
                .getMessage().contains("account SID is not set"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> SmsGateways.create(settings("twilio", "ACnothex", TOKEN, "+15005550006")))
                .getMessage().contains("'AC' followed by 32 hexadecimal"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> SmsGateways.create(settings("twilio", SID, null, "+15005550006")))
                .getMessage().contains("auth token is not set"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> SmsGateways.create(settings("twilio", SID, TOKEN, null)))
                .getMessage().contains("sender (from) is not set"));
    }

    @Test
    void unknownProviderNamesTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmsGateways.create(settings("ovh", null, null, null)));

        assertTrue(e.getMessage().contains("\"twilio\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"outbox\""), e.getMessage());
    }

    @Test
    void settingsToStringHidesTheTokenAndCallbackCredentials() {
        SmsSettings s = new SmsSettings("twilio", null, SID, TOKEN, "+15005550006",
                "https://user:s3cret@domicile.example/sms/status", null);

        String text = s.toString();

        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.contains(SID), text);
    }

    @Test
    void everyKindHasAUserMessage() {
        assertEquals("This mobile number cannot receive text messages. Check the number and try again.",
                new SmsException(SmsException.Kind.INVALID_NUMBER, "x").userMessage());
        assertEquals("The text message could not be sent. Please try again later.",
                new SmsException(SmsException.Kind.REJECTED, "x").userMessage());
        assertEquals("The text-message service is not answering right now. Please try again in a few minutes.",
                new SmsException(SmsException.Kind.UNAVAILABLE, "x").userMessage());
        assertEquals("Text messages are not configured on this server.",
                new SmsException(SmsException.Kind.CONFIGURATION, "x").userMessage());
    }
}
