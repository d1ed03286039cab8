package org.domicile.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords too common to accept (SECURITY-BASELINE 10): the list shipped in
 * {@code common-passwords.txt}, compared case-insensitively.
 */
@ApplicationScoped
public class CommonPasswords {

    private final Set<String> list = load();

    public boolean contains(String password) {
        return password != null && list.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return list.size();
    }

    private static Set<String> load() {
        var set = new HashSet<String>();
        try (var in = CommonPasswords.class.getResourceAsStream("/org/domicile/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the build");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String p = line.strip();
                if (!p.isEmpty() && !p.startsWith("#")) {
                    set.add(p.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
