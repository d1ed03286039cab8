package org.domicile.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.domicile.certification.bundle.BundleVerifier;
import org.domicile.certification.bundle.VerificationReport;

/**
 * Checking evidence bundles as their holder does, offline: with the stand-alone verifier
 * (domicile-verify.jar, run as its own process, or its verifier class in this JVM for speed) and
 * with OpenSSL on the extracted files.
 */
public final class Evidence {

    public static final Path OPENSSL = Path.of("/usr/bin/openssl");

    /** What a command printed (standard output and error together) and its exit code. */
    public record Run(int exit, String output) {
    }

    private Evidence() {
    }

    /** {@code java -jar domicile-verify.jar <args>} in {@code dir}. */
    public static Run verifierCommand(Path dir, String... args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServerProcess.requiredFile("domicile.verifyJar").toString()));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    /** The verifier of domicile-verify.jar in this JVM, trusting the bundle's own ca.pem. */
    public static VerificationReport verify(Path zip, Map<String, Path> content) {
        return new BundleVerifier().verify(zip, content);
    }

    /** {@code openssl <args>} in {@code dir}. */
    public static Run openssl(Path dir, String... args) {
        var command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    /** The files of a ZIP by name, in their order. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Writes the files of a ZIP under {@code dir}; a name leading outside it is an error. */
    public static void extract(byte[] zip, Path dir) {
        try {
            for (var file : unzip(zip).entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new AssertionError("a bundle entry leads outside its folder: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
