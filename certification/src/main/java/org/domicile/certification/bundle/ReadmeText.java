package org.domicile.certification.bundle;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/** The README.txt of a bundle: how to check it by hand, with the exact commands for its files. */
final class ReadmeText {

    private ReadmeText() {
    }

    static String of(BundleContents contents, List<String> tokenFiles, List<String> evidenceNames) {
        StringBuilder t = new StringBuilder(4096);
        t.append("Evidence bundle of correspondence ").append(contents.correspondenceId()).append("\n\n");
        t.append("""
                This archive proves how a registered correspondence was processed by Domicile. Every
                processing step is certified by signed tokens and every event (submission, acceptance,
                refusal...) by a signed and time-stamped evidence record. You can check all of it yourself,
                offline, with OpenSSL and sha256sum; you do not need to trust Domicile's own software.
                report.pdf sums it up in plain language.

                What is inside
                  ca.pem               certificate of the certification operator: the only trust anchor
                  certificates/        certificates of every signer (certification-server, tsa, operators...)
                  tokens/              certification tokens in chain order (NN-STEP-N-KIND.p7m)
                  evidence/            evidence records (.p7m) and their RFC 3161 time-stamps (.tst)
                  digests.txt          SHA-256 of every content part (the message text and each attachment)
                  manifest.json        SHA-256 of every other file of this archive
                  report.pdf           the plain-language report

                How to check it (a terminal in the unpacked folder; OpenSSL 1.1 or 3)

                1. Trust anchor. Compare the fingerprint of ca.pem with the one the certification operator
                   publishes. If they differ, stop: nothing in this bundle is proven.
                     openssl x509 -in ca.pem -noout -fingerprint -sha256
                """);
        t.append("   This ca.pem has: ").append(fingerprint(contents.ca())).append("\n\n");
        t.append("""
                2. Certificates. Each must print "OK":
                     openssl verify -CAfile ca.pem certificates/*.pem

                3. Certification tokens. Each must print "CMS Verification successful". Replace /dev/null by
                   a file name to read the signed content (JSON).
                """);
        for (String token : tokenFiles) {
            t.append("     openssl cms -verify -inform DER -in ").append(token)
                    .append(" -CAfile ca.pem -purpose any -out /dev/null\n");
        }
        if (tokenFiles.isEmpty()) {
            t.append("     (no token yet)\n");
        }
        t.append("""

                4. Evidence records and their time-stamps. The record must print "CMS Verification
                   successful", its time-stamp "Verification: OK"; the last command shows the stamped time.
                """);
        for (String name : evidenceNames) {
            String p7m = BundleLayout.EVIDENCE_DIR + name + ".p7m";
            String tst = BundleLayout.EVIDENCE_DIR + name + ".tst";
            t.append("     openssl cms -verify -inform DER -in ").append(p7m)
                    .append(" -CAfile ca.pem -purpose any -out /dev/null\n");
            t.append("     openssl ts -verify -token_in -in ").append(tst).append(" -data ").append(p7m)
                    .append(" -CAfile ca.pem -untrusted certificates/tsa.pem\n");
            t.append("     openssl ts -reply -token_in -in ").append(tst).append(" -text\n");
        }
        if (evidenceNames.isEmpty()) {
            t.append("     (no evidence record yet)\n");
        }
        t.append("""

                5. Content. Put the files you sent or received (named as in digests.txt) in this folder;
                   each must print "OK":
                     sha256sum -c digests.txt

                6. Everything at once, including the links between the tokens of the chain (Java 17+):
                     java -jar domicile-verify.jar verify this-bundle.zip [part-name=path/to/file ...]

                manifest.json lists the SHA-256 of every other file ("sha256sum FILE" shows it). It is not
                signed: it only helps to spot a damaged file. The proof is in the signatures above.
                """);
        return t.toString();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(Digests.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("CA certificate cannot be encoded", e);
        }
    }
}
