package org.domicile.trust.application;

import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.TrustLevel;

/** A party as the operator console lists it. */
public record PartyView(PartyKind kind, String id, String name, String status, TrustLevel trustLevel) {
    public String key() {
        return kind + ":" + id;
    }
}
