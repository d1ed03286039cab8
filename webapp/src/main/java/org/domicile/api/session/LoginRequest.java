package org.domicile.api.session;

/** Body of POST /api/sessions. Its {@link #toString()} leaves the password out. */
public record LoginRequest(String loginName, String password) {

    static final LoginRequest EMPTY = new LoginRequest(null, null);

    @Override
    public String toString() {
        return "LoginRequest[" + loginName + "]";
    }
}
