package org.domicile.correspondence.application;

import org.domicile.certification.trust.TrustLevel;

/** A recipient as the sender sees him: directory key, name and trust level (what the directory shows anyway). */
public record RecipientView(String key, String displayName, TrustLevel trustLevel) {
}
