package org.domicile.certification.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.domicile.certification.ca.KeyStoreFile.KeyEntry;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.signing.DocumentSigner;
import org.domicile.certification.signing.SignatureCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreFileTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final byte[] DATA = "sealed".getBytes(StandardCharsets.UTF_8);

    private static InternalCa ca;
    private static KeyPair leafKeys;
    private static X509Certificate leaf;

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        ca = InternalCa.create("Store Test CA", Clock.systemUTC());
        leafKeys = Crypto.newEcKeyPair();
        leaf = ca.issue("Time stamping unit", leafKeys.getPublic(), CertificateProfile.TIME_STAMPING, Duration.ofDays(30));
    }

    private static Map<String, KeyEntry> entries() {
        Map<String, KeyEntry> entries = new LinkedHashMap<>();
        entries.put("ca", new KeyEntry(ca.privateKey(), new X509Certificate[] {ca.certificate()}));
        entries.put("tsa", new KeyEntry(leafKeys.getPrivate(), new X509Certificate[] {leaf, ca.certificate()}));
        return entries;
    }

    @Test
    @DisplayName("keys and chains survive a save/load round trip and still sign and reopen the CA")
    void roundTrip() throws Exception {
        Path file = folder.resolve("operator.p12");
        KeyStoreFile.save(file, PASSWORD, entries());
        Map<String, KeyEntry> loaded = KeyStoreFile.load(file, PASSWORD);

        assertEquals(List.of("ca", "tsa").stream().sorted().toList(), loaded.keySet().stream().sorted().toList());
        X509Certificate[] chain = loaded.get("tsa").chain();
        assertEquals(2, chain.length);
        assertArrayEquals(leaf.getEncoded(), chain[0].getEncoded());
        assertArrayEquals(ca.certificate().getEncoded(), chain[1].getEncoded());

        DocumentSigner signer = new DocumentSigner(loaded.get("tsa").key(), chain[0]);
        assertTrue(SignatureCheck.verify(leaf, DATA, signer.sign(DATA)));

        InternalCa reopened = InternalCa.of(loaded.get("ca").key(), loaded.get("ca").chain()[0], Clock.systemUTC());
        assertTrue(ca.issued(reopened.issue("x", Crypto.newEcKeyPair().getPublic(), CertificateProfile.SIGNING,
                Duration.ofDays(1))));
    }

    @Test
    @DisplayName("a wrong password gives a clear exception, not a key")
    void wrongPassword() {
        Path file = folder.resolve("operator.p12");
        KeyStoreFile.save(file, PASSWORD, entries());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyStoreFile.load(file, "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    }

    @Test
    @DisplayName("a corrupt file gives a clear exception; a missing file an I/O exception")
    void corruptOrMissingFile() throws Exception {
        Path corrupt = folder.resolve("corrupt.p12");
        Files.write(corrupt, "this is not a key store".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyStoreFile.load(corrupt, PASSWORD));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());

        Path truncated = folder.resolve("truncated.p12");
        KeyStoreFile.save(truncated, PASSWORD, entries());
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IllegalArgumentException.class, () -> KeyStoreFile.load(truncated, PASSWORD));

        assertThrows(UncheckedIOException.class, () -> KeyStoreFile.load(folder.resolve("absent.p12"), PASSWORD));
    }

    @Test
    @DisplayName("saving replaces the file atomically, owner-only permissions, no temporary file left behind")
    void atomicOwnerOnlyReplace() throws Exception {
        Path file = folder.resolve("operator.p12");
        KeyStoreFile.save(file, PASSWORD, entries());
        Map<String, KeyEntry> one = new LinkedHashMap<>();
        one.put("tsa", entries().get("tsa"));
        KeyStoreFile.save(file, PASSWORD, one);

        assertEquals(List.of("tsa"), List.copyOf(KeyStoreFile.load(file, PASSWORD).keySet()));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        }
    }

    @Test
    @DisplayName("private keys in the file are protected with PBES2 / AES-256 (checked with OpenSSL)")
    void keysAreAes256Protected() throws Exception {
        Path file = folder.resolve("operator.p12");
        KeyStoreFile.save(file, PASSWORD, entries());
        Process process = new ProcessBuilder("/usr/bin/openssl", "pkcs12", "-info", "-noout", "-in", file.toString(),
                "-passin", "pass:" + new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        List<String> keyBags = output.lines().filter(line -> line.startsWith("Shrouded Keybag")).toList();
        assertEquals(2, keyBags.size(), output);
        for (String bag : keyBags) {
            assertTrue(bag.contains("PBES2") && bag.contains("AES-256-CBC"), bag);
        }
        assertFalse(output.contains("RC2") || output.contains("3DES") || output.contains("pbeWithSHA1"), output);
    }

    @Test
    @DisplayName("bad aliases and empty passwords are refused before anything is written")
    void badInputRefused() {
        Path file = folder.resolve("x.p12");
        Map<String, KeyEntry> upper = Map.of("CA", entries().get("ca"));
        assertThrows(IllegalArgumentException.class, () -> KeyStoreFile.save(file, PASSWORD, upper));
        assertThrows(IllegalArgumentException.class, () -> KeyStoreFile.save(file, new char[0], entries()));
        assertThrows(IllegalArgumentException.class, () -> KeyStoreFile.save(file, null, entries()));
        assertFalse(Files.exists(file));
        assertThrows(IllegalArgumentException.class, () -> new KeyEntry(ca.privateKey(), new X509Certificate[0]));
    }

    @Test
    @DisplayName("a key entry's toString does not print the private key")
    void keyEntryToStringHidesKey() {
        KeyEntry entry = entries().get("ca");
        String text = entry.toString();
        String encoded = Base64.getEncoder().encodeToString(ca.privateKey().getEncoded());
        String scalar = ((ECPrivateKey) ca.privateKey()).getS().toString(16);
        assertFalse(text.contains(encoded.substring(encoded.length() - 24)), text);
        assertFalse(text.contains(scalar.substring(0, 12)), text);
        assertFalse(text.contains(ca.privateKey().toString()), text);
    }
}
