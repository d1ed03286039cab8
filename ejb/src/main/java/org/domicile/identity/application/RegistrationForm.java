package org.domicile.identity.application;

/** What a person types to open an account. The password is never logged ({@link #toString()}). */
public record RegistrationForm(String loginName, String displayName, String email, String mobile, String password) {
    @Override
    public String toString() {
        return "RegistrationForm[" + loginName + "]";
    }
}
