package org.domicile.identity.domain;

import java.util.Locale;
import java.util.Optional;

/** An e-mail address, checked for shape only (one @, a dotted domain, at most 254 characters). */
public record EmailAddress(String value) {
    public static final String RULE = "E-mail: an address like name@example.org (at most 254 characters).";

    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.trim();
        if (v.length() > 254 || !v.matches("[^@\\s\\p{Cntrl}<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            return Optional.empty();
        }
        int at = v.indexOf('@');
        return Optional.of(new EmailAddress(v.substring(0, at) + v.substring(at).toLowerCase(Locale.ROOT)));
    }
}
