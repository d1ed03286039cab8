package org.domicile.api.session;

import org.domicile.identity.application.RegistrationForm;

/** Body of POST /api/accounts. Its {@link #toString()} leaves the password out. */
public record RegistrationRequest(String loginName, String displayName, String email, String mobile,
                                  String password) {

    static final RegistrationRequest EMPTY = new RegistrationRequest(null, null, null, null, null);

    RegistrationForm form() {
        return new RegistrationForm(loginName, displayName, email, mobile, password);
    }

    @Override
    public String toString() {
        return "RegistrationRequest[" + loginName + "]";
    }
}
