package org.domicile.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.domicile.identity.infrastructure.CommonPasswords;

/**
 * NIST SP 800-63B §5.1.1.2 (SECURITY-BASELINE 10): at least 8 characters, at most 128, no
 * composition rules, not a common password, not the login name.
 */
@ApplicationScoped
public class PasswordPolicy {
    public static final int MIN = 8;
    public static final int MAX = 128;

    @Inject
    CommonPasswords common;

    /** The reason the password is refused, or empty if it is acceptable. */
    public Optional<String> problem(String password, String loginName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return Optional.of("Password: at least " + MIN + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX) {
            return Optional.of("Password: at most " + MAX + " characters.");
        }
        if (common.contains(password)) {
            return Optional.of("Password: this password is too common. Choose another one.");
        }
        if (loginName != null && password.equalsIgnoreCase(loginName.strip())) {
            return Optional.of("Password: it must not be your login name.");
        }
        return Optional.empty();
    }
}
