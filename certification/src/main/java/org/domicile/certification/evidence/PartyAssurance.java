package org.domicile.certification.evidence;

import java.util.LinkedHashMap;
import java.util.Map;

import org.domicile.certification.cms.json.Values;
import org.domicile.certification.trust.TrustLevel;

/**
 * How well a party of the event was identified.
 *
 * @param party      the party's id (never personal data)
 * @param level      its assurance level at the time of the event
 * @param authMethod how it authenticated, e.g. "password+sms-otp", "certificate"
 */
public record PartyAssurance(String party, TrustLevel level, String authMethod) {

    public PartyAssurance {
        Values.identifier(party, "assurance party");
        if (level == null) {
            throw new IllegalArgumentException("assurance level of " + party + " must not be null");
        }
        Values.identifier(authMethod, "authentication method of " + party);
    }

    Map<String, Object> toJsonObject() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authMethod", authMethod);
        json.put("level", level.name());
        json.put("party", party);
        return json;
    }
}
