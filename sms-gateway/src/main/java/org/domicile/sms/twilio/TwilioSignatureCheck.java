package org.domicile.sms.twilio;

import java.util.Map;

import com.twilio.security.RequestValidator;

/**
 * Checks the {@code X-Twilio-Signature} header of a request Twilio sends us (status callbacks),
 * so that nobody else can forge delivery reports. Uses the SDK's {@link RequestValidator}.
 */
public final class TwilioSignatureCheck {

    /** The HTTP header carrying the signature. */
    public static final String HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;

    /** @param authToken the account's auth token, the signing key */
    public TwilioSignatureCheck(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("The Twilio auth token is needed to check callback signatures.");
        }
        this.validator = new RequestValidator(authToken);
    }

    /**
     * @param fullUrl         the URL exactly as Twilio called it, scheme, host, path and query included
     *                        (behind a proxy: the public URL, not the internal one)
     * @param formParams      the POSTed form parameters; null for none
     * @param signatureHeader the {@value #HEADER} header value
     * @return whether the signature matches; false when it is missing
     */
    public boolean isValid(String fullUrl, Map<String, String> formParams, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank() || fullUrl == null || fullUrl.isBlank()) {
            return false;
        }
        return validator.validate(fullUrl, formParams == null ? Map.of() : formParams, signatureHeader.trim());
    }

    @Override
    public String toString() {
        return "TwilioSignatureCheck[token hidden]";
    }
}
