package org.domicile.certification.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenContentTest {

    private static final String INPUT = "a".repeat(64);
    private static final String PREVIOUS = "b".repeat(64);
    private static final String ORDER_DIGEST = "c".repeat(64);
    private static final String OUTPUT = "d".repeat(64);
    private static final Instant AT = Instant.parse("2026-11-21T07:00:00.123Z");
    private static final Instant DEADLINE = Instant.parse("2026-11-21T08:00:00Z");

    private static TokenContent order() {
        return TokenContent.order("t-1", "corr-1", "SEAL", "op-seal", TrustLevel.SUBSTANTIAL, INPUT, PREVIOUS, AT,
                DEADLINE, List.of("SHA256withECDSA", "AES-256-GCM"));
    }

    @Test
    @DisplayName("golden: the canonical JSON of an ORDER, byte for byte")
    void goldenOrder() {
        String expected = "{\"algorithms\":[\"SHA256withECDSA\",\"AES-256-GCM\"],\"answers\":\"\",\"correspondence\":\"corr-1\","
                + "\"deadline\":\"2026-11-21T08:00:00.000Z\",\"input\":\"" + INPUT + "\",\"issuedAt\":\"2026-11-21T07:00:00.123Z\","
                + "\"issuer\":\"certification-server\",\"kind\":\"ORDER\",\"level\":\"SUBSTANTIAL\",\"operator\":\"op-seal\","
                + "\"output\":\"\",\"previous\":\"" + PREVIOUS + "\",\"step\":\"SEAL\",\"tokenId\":\"t-1\",\"version\":1}";
        assertEquals(expected, new String(order().toJson(), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("golden: a RETURN without deadline writes \"\" and its answers/output digests")
    void goldenReturn() {
        TokenContent order = TokenContent.order("t-1", "corr-1", "SEAL", "op-seal", TrustLevel.HIGH, INPUT, "", AT, null,
                List.of());
        TokenContent returned = order.returnOf("t-3", ORDER_DIGEST, OUTPUT, List.of("SHA256withECDSA"), AT);
        String expected = "{\"algorithms\":[\"SHA256withECDSA\"],\"answers\":\"" + ORDER_DIGEST + "\",\"correspondence\":\"corr-1\","
                + "\"deadline\":\"\",\"input\":\"" + INPUT + "\",\"issuedAt\":\"2026-11-21T07:00:00.123Z\",\"issuer\":\"op-seal\","
                + "\"kind\":\"RETURN\",\"level\":\"HIGH\",\"operator\":\"op-seal\",\"output\":\"" + OUTPUT + "\",\"previous\":\"\","
                + "\"step\":\"SEAL\",\"tokenId\":\"t-3\",\"version\":1}";
        assertEquals(expected, new String(returned.toJson(), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("equal content gives identical JSON; fromJson(toJson) round-trips every kind")
    void roundTrip() {
        TokenContent order = order();
        assertArrayEquals(order.toJson(), order().toJson());
        TokenContent ack = order.acknowledgement("t-2", ORDER_DIGEST, AT.plusMillis(5));
        TokenContent returned = order.returnOf("t-3", ORDER_DIGEST, OUTPUT, List.of("SHA256withECDSA"), AT.plusMillis(9));
        TokenContent countersignature = returned.countersignature("t-4", "e".repeat(64), AT.plusSeconds(1));
        for (TokenContent content : List.of(order, ack, returned, countersignature)) {
            assertEquals(content, TokenContent.fromJson(content.toJson()), content.kind().name());
        }
        assertEquals("op-seal", ack.issuer());
        assertEquals(CertificationTokens.CERTIFICATION_SERVER, countersignature.issuer());
        assertEquals(OUTPUT, countersignature.output());
    }

    @Test
    @DisplayName("times are kept to milliseconds, so what is signed equals what is read back")
    void millisecondPrecision() {
        TokenContent content = TokenContent.order("t", "c", "SEAL", "op", TrustLevel.LOW, INPUT, "",
                Instant.parse("2026-11-21T07:00:00.123456Z"), null, List.of());
        assertEquals(Instant.parse("2026-11-21T07:00:00.123Z"), content.issuedAt());
        assertEquals(content, TokenContent.fromJson(content.toJson()));
    }

    @Test
    @DisplayName("fromJson is strict: unknown, missing or mistyped fields, other versions, kinds and levels fail")
    void strictReading() {
        String json = new String(order().toJson(), StandardCharsets.UTF_8);
        List<String> bad = new ArrayList<>(List.of(
                json.replace("\"version\":1", "\"version\":2"),
                json.replace("\"version\":1", "\"version\":1,\"zz\":\"\""),
                json.replace("\"step\":\"SEAL\",", ""),
                json.replace("\"kind\":\"ORDER\"", "\"kind\":\"order\""),
                json.replace("\"level\":\"SUBSTANTIAL\"", "\"level\":\"substantial\""),
                json.replace("\"version\":1", "\"version\":\"1\""),
                json.replace("\"deadline\":\"2026-11-21T08:00:00.000Z\"", "\"deadline\":\"2026-11-21T08:00:00Z\""),
                json.replace(INPUT, INPUT.toUpperCase()),
                json.replace("\"answers\":\"\"", "\"answers\":\"" + ORDER_DIGEST + "\""),
                json.replace("\"tokenId\":\"t-1\"", "\"tokenId\":\"\""),
                json.replace("\"version\":1}", "\"version\":1"),
                "not json"));
        for (String text : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TokenContent.fromJson(text.getBytes(StandardCharsets.UTF_8)), text);
            assertTrue(e.getMessage().startsWith("token:"), e.getMessage());
        }
    }

    @Test
    @DisplayName("the constructor guards the kind-specific fields")
    void kindInvariants() {
        TokenContent order = order();
        assertThrows(IllegalArgumentException.class, () -> order.returnOf("t", ORDER_DIGEST, "", List.of(), AT),
                "a RETURN needs an output");
        assertThrows(IllegalArgumentException.class, () -> order.acknowledgement("t", "", AT), "an ACK answers");
        assertThrows(IllegalStateException.class, () -> order.countersignature("t", ORDER_DIGEST, AT));
        assertThrows(IllegalArgumentException.class, () -> TokenContent.order("t", "c", "SEAL", "op", TrustLevel.LOW,
                "not hex", "", AT, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenContent.order("t", "c", " ", "op", TrustLevel.LOW,
                INPUT, "", AT, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenContent.order("t", "c\n", "SEAL", "op", TrustLevel.LOW,
                INPUT, "", AT, null, List.of()));
    }
}
