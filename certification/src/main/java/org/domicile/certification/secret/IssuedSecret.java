package org.domicile.certification.secret;

/**
 * A freshly issued one-time secret in its two forms: the code, which goes to the user by SMS only, and
 * the checking form, which goes to the domiciliation server.
 *
 * @param code the decimal code to send to the user; never log it
 * @param form the form to store for checking
 */
public record IssuedSecret(String code, SecretForm form) {

    public IssuedSecret {
        if (code == null || code.isEmpty() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("issued code must be a non-empty string of ASCII digits");
        }
        if (form == null) {
            throw new IllegalArgumentException("issued secret needs its checking form");
        }
    }

    @Override
    public String toString() {
        return "IssuedSecret[code=(hidden), form=" + form + "]";
    }
}
