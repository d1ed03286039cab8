package org.domicile.certification.cms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.ca.InternalCa;
import org.domicile.certification.signing.Crypto;

/** Shared test keys and certificates, and a way to run OpenSSL as the independent verifier. */
public final class TestPki {

    /** The OpenSSL binary the evidence must satisfy. */
    public static final Path OPENSSL = Path.of("/usr/bin/openssl");

    /** A key pair with its certificate and a CMS signer for it. */
    public record Party(KeyPair keys, X509Certificate certificate, CmsSigner signer) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    /** Exit code and combined output of an OpenSSL run. */
    public record Result(int exit, String output) {
    }

    private static final InternalCa CA = InternalCa.create("Domicile Test Root", Clock.systemUTC());
    private static final InternalCa OTHER_CA = InternalCa.create("Domicile Test Root", Clock.systemUTC());

    private TestPki() {
    }

    /** The trusted CA. */
    public static InternalCa ca() {
        return CA;
    }

    /** Another CA with the same name but another key. */
    public static InternalCa otherCa() {
        return OTHER_CA;
    }

    /** A new document signer (SIGNING profile) issued by {@code ca}. */
    public static Party signer(InternalCa ca, String commonName) {
        return issue(ca, commonName, CertificateProfile.SIGNING);
    }

    /** A new party with a certificate of the given profile from the trusted CA. */
    public static Party issue(InternalCa ca, String commonName, CertificateProfile profile) {
        KeyPair keys = Crypto.newEcKeyPair();
        X509Certificate certificate = ca.issue(commonName, keys.getPublic(), profile, Duration.ofDays(30));
        CmsSigner signer = profile == CertificateProfile.SIGNING ? new CmsSigner(keys.getPrivate(), certificate) : null;
        return new Party(keys, certificate, signer);
    }

    /** Writes a certificate as PEM. */
    public static Path writePem(Path file, X509Certificate certificate) throws Exception {
        return Files.writeString(file, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Writes a private key as unencrypted PKCS#8 PEM (tests only). */
    public static Path writePrivateKeyPem(Path file, PrivateKey key) throws Exception {
        return Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Runs openssl with the arguments; binary output goes to files named in the arguments. */
    public static Result openssl(String... arguments) throws Exception {
        assertTrue(Files.isExecutable(OPENSSL), "openssl is required at " + OPENSSL);
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not finish");
        return new Result(process.exitValue(), output);
    }

    /** The bytes with one bit of byte {@code index} flipped. */
    public static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
