package org.domicile.directory.application;

import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;
import org.domicile.certification.trust.TrustLevel;

/** What the directory shows of a party: name, kind and trust level, nothing private (no phone, no e-mail). */
public record DirectoryEntry(PartyKind kind, String id, String displayName, TrustLevel trustLevel) {
    public PartyRef party() {
        return new PartyRef(kind, id);
    }

    /** A stable key for forms: "USER:abc". */
    public String key() {
        return kind + ":" + id;
    }
}
