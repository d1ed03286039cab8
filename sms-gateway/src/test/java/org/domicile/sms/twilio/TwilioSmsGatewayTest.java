package org.domicile.sms.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.domicile.sms.SmsException;
import org.domicile.sms.SmsMessage;
import org.domicile.sms.SmsReceipt;
import org.domicile.sms.SmsStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.twilio.http.TwilioRestClient;

class TwilioSmsGatewayTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
    private static final String FROM = "+15005550006";
    private static final String TO = "+33612345678";
    private static final String BODY = "Your Domicile code is 493817";
    private static final String CALLBACK = "https://domicile.example/sms/status";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private TwilioSmsGateway gateway(Duration timeout) {
        return gatewayOn("http://127.0.0.1:" + server.port(), timeout);
    }

    private static TwilioSmsGateway gatewayOn(String baseUrl, Duration timeout) {
        TwilioRestClient client = new TwilioRestClient.Builder(SID, TOKEN)
                .httpClient(new ApiBaseUrlHttpClient(baseUrl, timeout))
                .build();
        return new TwilioSmsGateway(client, FROM, CALLBACK);
    }

    private static SmsMessage message() {
        return new SmsMessage(TO, BODY, "challenge-42");
    }

    private void stubError(int status, String json) {
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    private SmsException sendExpectingFailure(TwilioSmsGateway gateway) {
        return assertThrows(SmsException.class, () -> gateway.send(message()));
    }

    private static void assertNoSecretsIn(SmsException e) {
        assertFalse(e.getMessage().contains(TO), e.getMessage());
        assertFalse(e.getMessage().contains(BODY), e.getMessage());
        assertFalse(e.getMessage().contains("493817"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void sentMessageGivesTheStubSidAsQueuedAndPostsTheExpectedForm() throws Exception {
        String sid = "SM0123456789abcdef0123456789abcdef";
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(messageJson(sid, "queued"))));

        SmsReceipt receipt = gateway(Duration.ofSeconds(5)).send(message());

        assertEquals(sid, receipt.providerId());
        assertEquals(SmsStatus.QUEUED, receipt.status());
        server.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withBasicAuth(new BasicCredentials(SID, TOKEN))
                .withFormParam("To", equalTo(TO))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo(BODY))
                .withFormParam("StatusCallback", equalTo(CALLBACK + "?ref=challenge-42")));
    }

    @Test
    void referenceIsEncodedAndAppendedToAnExistingCallbackQuery() throws Exception {
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(messageJson("SM00000000000000000000000000000001", "accepted"))));
        TwilioRestClient client = new TwilioRestClient.Builder(SID, TOKEN)
                .httpClient(new ApiBaseUrlHttpClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(5)))
                .build();
        TwilioSmsGateway gateway = new TwilioSmsGateway(client, FROM, CALLBACK + "?tenant=a");

        gateway.send(new SmsMessage(TO, BODY, "a b&c"));

        server.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withFormParam("StatusCallback", equalTo(CALLBACK + "?tenant=a&ref=a+b%26c")));
    }

    @Test
    void invalidToNumberIsInvalidNumberWithAUserMessageToCheckTheNumber() {
        stubError(400, "{\"code\":21211,\"message\":\"The 'To' number " + TO + " is not a valid phone number.\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");

        SmsException e = sendExpectingFailure(gateway(Duration.ofSeconds(5)));

        assertEquals(SmsException.Kind.INVALID_NUMBER, e.kind());
        assertTrue(e.userMessage().contains("Check the number"), e.userMessage());
        assertTrue(e.getMessage().contains("21211"), e.getMessage());
        assertFalse(e.retryable());
        assertNoSecretsIn(e);
    }

    @Test
    void notAMobileNumberIsInvalidNumber() {
        stubError(400, "{\"code\":21614,\"message\":\"'To' number is not a valid mobile number\",\"status\":400}");

        assertEquals(SmsException.Kind.INVALID_NUMBER, sendExpectingFailure(gateway(Duration.ofSeconds(5))).kind());
    }

    @Test
    void otherClientErrorIsRejected() {
        stubError(400, "{\"code\":21617,\"message\":\"The concatenated message body exceeds the 1600 character"
                + " limit\",\"status\":400}");

        SmsException e = sendExpectingFailure(gateway(Duration.ofSeconds(5)));

        assertEquals(SmsException.Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("21617"), e.getMessage());
        assertNoSecretsIn(e);
    }

    @Test
    void timeoutIsUnavailableAndReturnsWellBeforeTheServerAnswers() {
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(messageJson("SM00000000000000000000000000000002", "queued"))
                .withFixedDelay(3000)));
        TwilioSmsGateway gateway = gateway(Duration.ofMillis(500));

        long start = System.nanoTime();
        SmsException e = sendExpectingFailure(gateway);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(SmsException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.retryable());
        assertTrue(elapsed.compareTo(Duration.ofMillis(2000)) < 0, "took " + elapsed);
        assertInstanceOf(java.net.SocketTimeoutException.class, e.getCause(), String.valueOf(e.getCause()));
        server.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
    }

    @Test
    void serverErrorIsUnavailableAndNotRetried() {
        stubError(500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");

        SmsException e = sendExpectingFailure(gateway(Duration.ofSeconds(5)));

        assertEquals(SmsException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.userMessage().contains("not answering"), e.userMessage());
        // The SDK alone would have sent it three times.
        server.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
    }

    @Test
    void unreadableBadGatewayPageIsUnavailableAndNotRetried() {
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));

        SmsException e = sendExpectingFailure(gateway(Duration.ofSeconds(5)));

        assertEquals(SmsException.Kind.UNAVAILABLE, e.kind());
        server.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
    }

    @Test
    void rateLimitIsUnavailable() {
        stubError(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");

        assertEquals(SmsException.Kind.UNAVAILABLE, sendExpectingFailure(gateway(Duration.ofSeconds(5))).kind());
    }

    @Test
    void unauthorizedIsConfiguration() {
        stubError(401, "{\"code\":20003,\"message\":\"Authenticate\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");

        SmsException e = sendExpectingFailure(gateway(Duration.ofSeconds(5)));

        assertEquals(SmsException.Kind.CONFIGURATION, e.kind());
        assertEquals("Text messages are not configured on this server.", e.userMessage());
        assertNoSecretsIn(e);
    }

    @Test
    void refusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        SmsException e = assertThrows(SmsException.class,
                () -> gatewayOn("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2)).send(message()));

        assertEquals(SmsException.Kind.UNAVAILABLE, e.kind());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void connectTimeoutIsOursNotTheSdkDefault() throws IOException {
        // A loopback listener that never accepts: once its backlog is full, the kernel drops further
        // connection attempts, so connecting hangs until the client's connect timeout (SDK default 30.5 s).
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            for (int i = 0; i < 8; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(address, 200);
                } catch (IOException full) {
                    break;
                }
            }
            TwilioSmsGateway gateway = gatewayOn("http://127.0.0.1:" + listener.getLocalPort(), Duration.ofMillis(500));

            long start = System.nanoTime();
            SmsException e = assertThrows(SmsException.class, () -> gateway.send(message()));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(SmsException.Kind.UNAVAILABLE, e.kind());
            assertTrue(elapsed.compareTo(Duration.ofSeconds(3)) < 0, "took " + elapsed);
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void createAppliesTheTimeoutToItsOwnHttpClient() {
        TwilioSmsGateway gateway = TwilioSmsGateway.create(SID, TOKEN, FROM, null, Duration.ofMillis(1500));

        BoundedNetworkHttpClient http = assertInstanceOf(BoundedNetworkHttpClient.class,
                gateway.client().getHttpClient());
        assertEquals(Duration.ofMillis(1500), http.timeout());
        assertEquals(SID, gateway.client().getAccountSid());
        assertEquals("twilio", gateway.name());
        assertFalse(gateway.toString().contains(TOKEN));
    }

    @Test
    void createRejectsMissingOrMalformedSettingsClearly() {
        Duration t = Duration.ofSeconds(5);
        assertTrue(assertThrows(IllegalStateException.class,
                () -> TwilioSmsGateway.create(null, TOKEN, FROM, null, t)).getMessage().contains("account SID"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> TwilioSmsGateway.create("AC123", TOKEN, FROM, null, t)).getMessage().contains("32 hexadecimal"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> TwilioSmsGateway.create(SID, " ", FROM, null, t)).getMessage().contains("auth token"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> TwilioSmsGateway.create(SID, TOKEN, "", null, t)).getMessage().contains("sender"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> TwilioSmsGateway.create(SID, TOKEN, FROM, "ftp://x/y", t)).getMessage().contains("callback"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> TwilioSmsGateway.create(SID, TOKEN, FROM, null, Duration.ZERO)).getMessage().contains("timeout"));
        // A token pasted into the SID field must not be echoed.
        String message = assertThrows(IllegalStateException.class,
                () -> TwilioSmsGateway.create(TOKEN, TOKEN, FROM, null, t)).getMessage();
        assertFalse(message.contains(TOKEN), message);
    }

    private static String messageJson(String sid, String status) {
        return "{"
                + "\"account_sid\":\"" + SID + "\","
                + "\"api_version\":\"2010-04-01\","
                + "\"body\":\"" + BODY + "\","
                + "\"date_created\":\"Thu, 24 Aug 2023 05:01:45 +0000\","
                + "\"date_sent\":null,"
                + "\"date_updated\":\"Thu, 24 Aug 2023 05:01:45 +0000\","
                + "\"direction\":\"outbound-api\","
                + "\"error_code\":null,"
                + "\"error_message\":null,"
                + "\"from\":\"" + FROM + "\","
                + "\"messaging_service_sid\":null,"
                + "\"num_media\":\"0\","
                + "\"num_segments\":\"1\","
                + "\"price\":null,"
                + "\"price_unit\":\"USD\","
                + "\"sid\":\"" + sid + "\","
                + "\"status\":\"" + status + "\","
                + "\"subresource_uris\":{\"media\":\"/2010-04-01/Accounts/" + SID + "/Messages/" + sid
                + "/Media.json\"},"
                + "\"to\":\"" + TO + "\","
                + "\"uri\":\"/2010-04-01/Accounts/" + SID + "/Messages/" + sid + ".json\""
                + "}";
    }
}
