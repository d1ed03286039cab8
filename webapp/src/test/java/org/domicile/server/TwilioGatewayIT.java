package org.domicile.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.domicile.testing.Api;
import org.domicile.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server configured for Twilio, whose real Twilio client talks to a local stub of the Twilio
 * API: a sent code, Twilio refusing the number, Twilio not answering, and Twilio's signed
 * delivery reports. Each failure gives the user a clear message and leaves nothing half-made.
 */
class TwilioGatewayIT {

    private static final String SID = "AC" + "0123456789abcdef".repeat(2);
    private static final String TOKEN = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String PASSWORD = "a long enough passphrase";

    private static WireMockServer twilio;
    private static ServerProcess server;
    private static Api api;

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        server = ServerProcess.start("twilio-it", Map.of(
                "DOMICILE_SMS_PROVIDER", "twilio",
                "DOMICILE_TWILIO_ACCOUNT_SID", SID,
                "DOMICILE_TWILIO_AUTH_TOKEN", TOKEN,
                "DOMICILE_TWILIO_FROM", "+15005550006",
                "DOMICILE_TWILIO_API_URL", "http://127.0.0.1:" + twilio.port(),
                "DOMICILE_SMS_TIMEOUT", "PT1S"));
        api = new Api(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (twilio != null) {
            twilio.stop();
        }
    }

    @BeforeEach
    void resetStub() {
        twilio.resetAll();
    }

    @Test
    @DisplayName("A code sent through Twilio verifies the number; Twilio is told where to report delivery")
    void sentThroughTwilio() {
        acceptMessages();
        String login = Api.newLogin("tw");
        String mobile = Api.newMobile();
        var challenge = api.register(login, mobile, PASSWORD);
        assertEquals(201, challenge.status(), challenge.body());

        Map<String, String> sent = lastMessageForm();
        assertEquals(mobile, sent.get("To"));
        assertEquals("+15005550006", sent.get("From"));
        assertTrue(sent.get("StatusCallback").startsWith(server.baseUrl() + "/api/sms/status"),
                sent.get("StatusCallback"));
        var code = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(sent.get("Body"));
        assertTrue(code.find(), "a 6-digit code in the text");

        var verified = api.code(challenge.require("challengeId"), code.group());
        assertEquals(200, verified.status(), verified.body());
        assertEquals("true", verified.require("verified"));
    }

    @Test
    @DisplayName("Twilio's delivery report is taken only with Twilio's signature; a forged one is refused")
    void deliveryReportsMustBeSigned() throws Exception {
        acceptMessages();
        assertEquals(201, api.register(Api.newLogin("cb"), Api.newMobile(), PASSWORD).status());
        String callbackUrl = lastMessageForm().get("StatusCallback");
        var params = new LinkedHashMap<String, String>();
        params.put("MessageSid", "SM" + "ab".repeat(16));
        params.put("MessageStatus", "delivered");
        params.put("AccountSid", SID);
        String form = "MessageSid=" + params.get("MessageSid") + "&MessageStatus=delivered&AccountSid=" + SID;

        var signed = api.postForm(callbackUrl, form, "X-Twilio-Signature", twilioSignature(callbackUrl, params));
        assertEquals(204, signed.status(), signed.body());

        var forged = api.postForm(callbackUrl, form, "X-Twilio-Signature",
                twilioSignature(callbackUrl + "&x=1", params));
        assertEquals(403, forged.status(), forged.body());
        var unsigned = api.postForm(callbackUrl, form);
        assertEquals(403, unsigned.status(), unsigned.body());
    }

    @Test
    @DisplayName("Twilio refuses the number: a clear message, and no account is left behind")
    void invalidNumber() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        String login = Api.newLogin("bad");
        var refused = api.register(login, Api.newMobile(), PASSWORD);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.require("error").contains("cannot receive text messages"), refused.body());

        acceptMessages();
        var again = api.register(login, Api.newMobile(), PASSWORD);
        assertEquals(201, again.status(), "the login name is still free: " + again.body());
    }

    @Test
    @DisplayName("Rule 26: Twilio does not answer: the user hears so within the timeout, nothing is half-made")
    void timeout() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withFixedDelay(5_000)
                .withStatus(201).withBody(messageJson())));
        String login = Api.newLogin("slow");
        Instant asked = Instant.now();
        var refused = api.register(login, Api.newMobile(), PASSWORD);
        Duration waited = Duration.between(asked, Instant.now());
        assertEquals(503, refused.status(), refused.body());
        assertTrue(refused.require("error").contains("not answering"), refused.body());
        assertTrue(waited.compareTo(Duration.ofMillis(4_500)) < 0, "answered after " + waited);

        acceptMessages();
        assertEquals(201, api.register(login, Api.newMobile(), PASSWORD).status(), "the login name is still free");
    }

    @Test
    @DisplayName("With Twilio configured, the local outbox page does not exist")
    void noOutboxPage() {
        assertEquals(404, api.get("/outbox", null).status());
    }

    @Test
    @DisplayName("Rule 11: no code sent through Twilio appears in the server's output")
    void codesNeverLogged() {
        acceptMessages();
        var challenge = api.register(Api.newLogin("log"), Api.newMobile(), PASSWORD);
        assertEquals(201, challenge.status());
        var code = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(lastMessageForm().get("Body"));
        assertTrue(code.find());
        assertFalse(server.output().contains(code.group()), "the code is in the server output");
        assertFalse(server.output().contains(PASSWORD), "the password is in the server output");
        assertFalse(server.output().contains(TOKEN), "the auth token is in the server output");
    }

    private static void acceptMessages() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(messageJson())));
    }

    private static String messageJson() {
        return "{\"sid\":\"SM" + "cd".repeat(16) + "\",\"status\":\"queued\",\"account_sid\":\"" + SID
                + "\",\"num_segments\":\"1\",\"direction\":\"outbound-api\"}";
    }

    private static Map<String, String> lastMessageForm() {
        var requests = twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertFalse(requests.isEmpty(), "Twilio was called");
        var form = new LinkedHashMap<String, String>();
        for (String pair : requests.get(requests.size() - 1).getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** Twilio's request signature, computed independently: HMAC-SHA1 over URL + sorted name/value pairs. */
    private static String twilioSignature(String url, Map<String, String> params) throws Exception {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
