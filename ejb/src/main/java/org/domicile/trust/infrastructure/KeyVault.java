package org.domicile.trust.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.domicile.certification.ca.KeyStoreFile;
import org.domicile.certification.ca.KeyStoreFile.KeyEntry;
import org.domicile.platform.DomicileSettings;

/**
 * The private keys of the service, in a PKCS#12 file under {@code <data>/keys/} protected by the
 * master key, never in the database (SECURITY-BASELINE 19). The master key comes from
 * {@code DOMICILE_MASTER_KEY}; on the embedded default, when it is not set, one is generated
 * into {@code <data>/keys/master.key} (owner-only) at first start.
 */
@ApplicationScoped
public class KeyVault {

    @Inject
    DomicileSettings settings;

    private Path file;
    private char[] password;
    private final Map<String, KeyEntry> entries = new HashMap<>();

    @PostConstruct
    void open() {
        Path dir = settings.dataDir().resolve("keys");
        file = dir.resolve("domicile-keys.p12");
        password = settings.masterKey().orElseGet(() -> generatedMasterKey(dir)).toCharArray();
        if (Files.exists(file)) {
            entries.putAll(KeyStoreFile.load(file, password));
        }
    }

    public synchronized Optional<KeyEntry> get(String alias) {
        return Optional.ofNullable(entries.get(alias));
    }

    /** Adds a key and writes the whole store back (atomically: a crash leaves the old file or the new). */
    public synchronized void put(String alias, KeyEntry entry) {
        entries.put(alias, entry);
        KeyStoreFile.save(file, password, entries);
    }

    /** A 256-bit key for one purpose, derived from the master key (HMAC-SHA256 with the purpose as label). */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new String(password).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(("domicile/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String generatedMasterKey(Path dir) {
        Path keyFile = dir.resolve("master.key");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(keyFile)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(dir, "master", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Other file systems: the folder's own protection applies.
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
                Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(keyFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key in " + dir, e);
        }
    }
}
