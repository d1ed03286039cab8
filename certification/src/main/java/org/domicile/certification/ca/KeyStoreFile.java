package org.domicile.certification.ca;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.spec.PBEParameterSpec;

import org.domicile.certification.signing.Crypto;

/**
 * Keeps private keys and their certificate chains in a password-protected PKCS#12 file, outside any
 * database. Keys are encrypted with PBES2 (PBKDF2-HmacSHA256, AES-256-CBC); the JDK 17 defaults
 * protect the certificates and the integrity MAC the same way.
 */
public final class KeyStoreFile {

    private static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final int KEY_PBE_ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    // The JDK PKCS#12 key store folds aliases to lower case; accepting only lower case avoids surprises.
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyStoreFile() {
    }

    /** A private key with its certificate chain, the key's own certificate first. */
    public record KeyEntry(PrivateKey key, X509Certificate[] chain) {

        public KeyEntry {
            if (key == null || chain == null || chain.length == 0) {
                throw new IllegalArgumentException("a key entry needs a private key and at least one certificate");
            }
            chain = chain.clone();
            for (X509Certificate certificate : chain) {
                if (certificate == null) {
                    throw new IllegalArgumentException("a key entry's chain must not contain null");
                }
            }
        }

        /** A copy of the chain. */
        @Override
        public X509Certificate[] chain() {
            return chain.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KeyEntry that && key.equals(that.key) && Arrays.equals(chain, that.chain);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + Arrays.hashCode(chain);
        }

        @Override
        public String toString() {
            return "KeyEntry[key=" + key.getAlgorithm() + " (hidden), chainLength=" + chain.length + "]";
        }
    }

    /**
     * Writes the entries to {@code file}, replacing it atomically: the store is written to a temporary
     * file in the same folder, then moved over the target, so a crash never leaves a half-written file.
     * On POSIX file systems the file is readable and writable by its owner only.
     *
     * @throws IllegalArgumentException for a null or empty password, null entries or an invalid alias
     * @throws UncheckedIOException     if the file cannot be written
     */
    public static void save(Path file, char[] password, Map<String, KeyEntry> entries) {
        if (file == null || entries == null) {
            throw new IllegalArgumentException("file and entries must not be null");
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("key store password must not be empty");
        }
        byte[] encoded = encode(password, entries);
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp", ownerOnly(folder));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write(encoded);
                out.flush();
                channel.force(true); // on disk before it replaces the previous file
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write key store " + target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that failure is what the caller needs to see.
                }
            }
        }
    }

    /**
     * Reads all key entries of {@code file}, in the order the store lists them.
     *
     * @throws IllegalArgumentException if the password is wrong or the file is not a readable PKCS#12 store
     * @throws UncheckedIOException     if the file cannot be read (e.g. it does not exist)
     */
    public static Map<String, KeyEntry> load(Path file, char[] password) {
        if (file == null || password == null) {
            throw new IllegalArgumentException("file and password must not be null");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read key store " + file, e);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("cannot open key store " + file + ": wrong password", e);
            }
            throw new IllegalArgumentException("cannot open key store " + file + ": corrupt or not a PKCS#12 file", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("cannot open key store " + file + ": corrupt or not a PKCS#12 file", e);
        }
        try {
            Map<String, KeyEntry> entries = new LinkedHashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey) || chain == null) {
                    continue;
                }
                X509Certificate[] x509 = new X509Certificate[chain.length];
                for (int i = 0; i < chain.length; i++) {
                    x509[i] = (X509Certificate) chain[i];
                }
                entries.put(alias, new KeyEntry((PrivateKey) key, x509));
            }
            return Collections.unmodifiableMap(entries);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("cannot open key store " + file + ": wrong key password", e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read key store " + file + ": unexpected content", e);
        }
    }

    private static byte[] encode(char[] password, Map<String, KeyEntry> entries) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, KeyEntry> entry : entries.entrySet()) {
                String alias = entry.getKey();
                if (alias == null || !ALIAS.matcher(alias).matches()) {
                    throw new IllegalArgumentException(
                            "key store alias must be 1-64 characters of a-z, 0-9, '.', '_', '-' (lower case)");
                }
                if (entry.getValue() == null) {
                    throw new IllegalArgumentException("key store entry '" + alias + "' must not be null");
                }
                byte[] salt = new byte[SALT_BYTES];
                Crypto.random().nextBytes(salt);
                KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(password, KEY_PROTECTION,
                        new PBEParameterSpec(salt, KEY_PBE_ITERATIONS));
                store.setEntry(alias, new KeyStore.PrivateKeyEntry(entry.getValue().key(), entry.getValue().chain()),
                        protection);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not encode the PKCS#12 key store", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }
}
