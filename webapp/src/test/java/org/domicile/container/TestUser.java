package org.domicile.container;

import org.domicile.certification.trust.PartyKind;
import org.domicile.certification.trust.PartyRef;

/** A user a test created, with what he typed at registration. */
public record TestUser(String id, String login, String password, String mobile, String email, String displayName) {

    public PartyRef party() {
        return new PartyRef(PartyKind.USER, id);
    }

    /** The directory / trust key of this user: "USER:id". */
    public String key() {
        return "USER:" + id;
    }
}
