package org.domicile.certification.bundle;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line verifier of evidence bundles, the main class of domicile-verify.jar:
 * <pre>
 * java -jar domicile-verify.jar verify [--ca trusted-ca.pem] bundle.zip [part-name=file ...]
 * </pre>
 * Prints one line per check ("OK   subject" or "FAIL subject: detail") and a summary. Exit code 0 when every
 * check passes, 1 when one fails, 2 for a usage error.
 */
public final class VerifyCommand {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: java -jar domicile-verify.jar verify [--ca <trusted-ca.pem>] <bundle.zip> [<part-name>=<file> ...]

              <bundle.zip>        the evidence bundle of a correspondence
              <part-name>=<file>  a content file you hold, named as in the bundle's digests.txt,
                                  e.g. message.txt=./message.txt (the name ends at the first '=')
              --ca <file>         the CA certificate you trust (PEM): the bundle's ca.pem must be it.
                                  Without it, compare the fingerprint printed at the end with the one
                                  the certification operator publishes.
            Exit code: 0 all checks passed, 1 a check failed, 2 usage error.""";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(args, out));
    }

    /** Runs the command; returns the exit code (never exits the JVM, never throws). */
    public static int run(String[] args, PrintStream out) {
        List<String> words = Arrays.asList(args == null ? new String[0] : args);
        if (words.size() == 1 && List.of("-h", "--help", "help").contains(words.get(0))) {
            out.println(USAGE_TEXT);
            return PASSED;
        }
        if (words.isEmpty() || !words.get(0).equals("verify")) {
            return usage(out, words.isEmpty() ? "no command given" : "unknown command \"" + words.get(0) + "\"");
        }
        int i = 1;
        X509Certificate trusted = null;
        if (i < words.size() && words.get(i).equals("--ca")) {
            if (i + 1 >= words.size()) {
                return usage(out, "--ca needs a file");
            }
            Path caFile = Path.of(words.get(i + 1));
            try {
                trusted = Pem.decode(Files.readAllBytes(caFile));
            } catch (Exception e) {
                return usage(out, "cannot read the trusted CA certificate " + caFile + ": " + e.getMessage());
            }
            i += 2;
        }
        if (i >= words.size()) {
            return usage(out, "no bundle given");
        }
        Path bundle = Path.of(words.get(i++));
        if (!Files.isRegularFile(bundle)) {
            return usage(out, "no such file: " + bundle);
        }
        Map<String, Path> parts = new LinkedHashMap<>();
        for (; i < words.size(); i++) {
            String word = words.get(i);
            int eq = word.indexOf('=');
            if (eq <= 0 || eq == word.length() - 1) {
                return usage(out, "expected <part-name>=<file>, got \"" + word + "\"");
            }
            if (parts.put(word.substring(0, eq), Path.of(word.substring(eq + 1))) != null) {
                return usage(out, "content part \"" + word.substring(0, eq) + "\" given twice");
            }
        }

        VerificationReport report = new BundleVerifier(Clock.systemUTC(), trusted).verify(bundle, parts);
        report.checks().forEach(check -> out.println(check.line()));
        out.println((report.allOk() ? "VERIFIED " : "NOT VERIFIED ") + "- " + report.summary());
        String advice = trusted != null ? ""
                : ". Compare this fingerprint with the one the certification operator publishes.";
        report.checks().stream()
                .filter(c -> c.ok() && c.subject().equals(BundleLayout.CA))
                .findFirst()
                .ifPresent(c -> out.println("Trust anchor ca.pem: " + c.detail() + advice));
        return report.allOk() ? PASSED : FAILED;
    }

    private static int usage(PrintStream out, String problem) {
        out.println("Error: " + problem);
        out.println(USAGE_TEXT);
        return USAGE;
    }
}
