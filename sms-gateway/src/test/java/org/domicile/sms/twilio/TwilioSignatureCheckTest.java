package org.domicile.sms.twilio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class TwilioSignatureCheckTest {

    private static final String TOKEN = "12345678901234567890123456789012";
    private static final String URL = "https://domicile.example/sms/status?ref=challenge-42";

    private static Map<String, String> params() {
        Map<String, String> params = new HashMap<>();
        params.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        params.put("MessageStatus", "delivered");
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("To", "+33612345678");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** Twilio's documented scheme, computed independently: HMAC-SHA1 of URL + sorted name/value pairs, base64. */
    private static String sign(String token, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(UTF_8)));
    }

    @Test
    void signatureComputedLikeTwilioIsValid() throws Exception {
        String signature = sign(TOKEN, URL, params());

        assertTrue(new TwilioSignatureCheck(TOKEN).isValid(URL, params(), signature));
    }

    @Test
    void forgedSignatureIsInvalid() throws Exception {
        String forged = sign("someone-elses-token-000000000000", URL, params());

        assertFalse(new TwilioSignatureCheck(TOKEN).isValid(URL, params(), forged));
        assertFalse(new TwilioSignatureCheck(TOKEN).isValid(URL, params(), "bm90IGEgc2lnbmF0dXJl"));
    }

    @Test
    void changedParameterIsInvalid() throws Exception {
        String signature = sign(TOKEN, URL, params());
        Map<String, String> tampered = params();
        tampered.put("MessageStatus", "failed");

        assertFalse(new TwilioSignatureCheck(TOKEN).isValid(URL, tampered, signature));
    }

    @Test
    void differentUrlIsInvalid() throws Exception {
        String signature = sign(TOKEN, URL, params());

        assertFalse(new TwilioSignatureCheck(TOKEN).isValid(
                "https://domicile.example/sms/status?ref=challenge-43", params(), signature));
    }

    @Test
    void missingSignatureIsInvalid() {
        TwilioSignatureCheck check = new TwilioSignatureCheck(TOKEN);

        assertFalse(check.isValid(URL, params(), null));
        assertFalse(check.isValid(URL, params(), "  "));
    }

    @Test
    void blankTokenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TwilioSignatureCheck(""));
    }
}
