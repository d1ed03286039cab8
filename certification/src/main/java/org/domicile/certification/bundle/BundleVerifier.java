package org.domicile.certification.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Verifies an evidence bundle offline, trusting only its ca.pem (and, when given, checking that ca.pem is the
 * CA the caller trusts). It shares no code with the signers that made the tokens and evidence: it reads them
 * with BouncyCastle alone, so that it checks their output rather than trusting it.
 *
 * <p>It never throws on a bad bundle: every problem becomes a failed {@link Check} naming the file, the field
 * and what was expected. Thread-safe.
 */
public final class BundleVerifier {

    private final Clock clock;
    private final X509Certificate trustedCa;

    /** A verifier that trusts the bundle's own ca.pem (compare its fingerprint with the published one). */
    public BundleVerifier() {
        this(Clock.systemUTC(), null);
    }

    /**
     * @param clock     the time used to check certificates when the bundle has no verified time-stamp
     * @param trustedCa the CA certificate the caller trusts; ca.pem must be this certificate (null: any)
     */
    public BundleVerifier(Clock clock, X509Certificate trustedCa) {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        this.clock = clock;
        this.trustedCa = trustedCa;
    }

    /**
     * Verifies the bundle at {@code zip} and, for each entry of {@code suppliedContent} (content part name as in
     * digests.txt to a file), that the file's SHA-256 is the one digests.txt lists.
     */
    public VerificationReport verify(Path zip, Map<String, Path> suppliedContent) {
        CheckList list = new CheckList();
        try {
            run(zip, suppliedContent == null ? Map.of() : suppliedContent, list);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect of the verifier must not pass for a verified bundle, nor escape as a stack trace.
            list.add(CheckList.Section.INTERNAL, new Check("verifier", false,
                    "internal error, the bundle could not be fully checked: " + e));
        }
        return list.report();
    }

    private void run(Path zip, Map<String, Path> supplied, CheckList list) {
        CheckList.Subject bundle = list.subject(CheckList.Section.BUNDLE, zip == null ? "bundle" : zip.toString());
        Map<String, byte[]> files;
        try {
            if (zip == null || !Files.isRegularFile(zip)) {
                throw new VerificationProblem("no such file");
            }
            files = BundleZip.read(zip);
        } catch (VerificationProblem e) {
            bundle.fail(e.getMessage());
            return;
        }
        bundle.okUnlessFailed(files.size() + " files, within the size limits");

        String correspondence = LayoutCheck.manifest(files, list);
        LayoutCheck.Layout layout = LayoutCheck.layout(files, list);
        CertificateCheck certificates = new CertificateCheck(list);
        X509Certificate ca = certificates.readCa(files.get(BundleLayout.CA));
        checkTrustedCa(ca, list);
        for (String keyId : layout.keyIds()) {
            certificates.readCertificate(keyId, files.get(BundleLayout.certificateFile(keyId)));
        }
        Map<String, String> digests = LayoutCheck.digests(files.get(BundleLayout.DIGESTS), list);

        List<TokenRecord> tokens = new ArrayList<>();
        for (String file : layout.tokenFiles()) {
            TokenRecord token = token(file, files.get(file), correspondence, certificates, list);
            if (token != null) {
                tokens.add(token);
            }
        }
        CheckList.Subject chain = list.subject(CheckList.Section.CHAIN, "chain");
        if (tokens.size() < layout.tokenFiles().size()) {
            chain.fail((layout.tokenFiles().size() - tokens.size()) + " token(s) could not be read (see above)");
        }
        List<String> steps = TokenChainCheck.check(tokens, chain);
        chain.okUnlessFailed(steps.size() + " steps certified in order: " + String.join(", ", steps)
                + " (" + tokens.size() + " tokens)");

        Instant reference = null;
        for (String name : layout.evidenceNames()) {
            Instant genTime = EvidenceCheck.check(name, files, digests, certificates, list);
            if (genTime != null && (reference == null || genTime.isAfter(reference))) {
                reference = genTime;
            }
        }
        certificates.finish(reference == null ? clock.instant() : reference);
        content(supplied, digests, list);
    }

    private void checkTrustedCa(X509Certificate ca, CheckList list) {
        if (trustedCa == null) {
            return;
        }
        CheckList.Subject subject = list.subject(CheckList.Section.CA, "trust anchor");
        if (ca == null || !ca.equals(trustedCa)) {
            subject.fail("ca.pem is not the trusted CA certificate (SHA-256 fingerprint "
                    + ReadmeText.fingerprint(trustedCa) + ")");
        }
        subject.okUnlessFailed("ca.pem is the trusted CA certificate");
    }

    private static TokenRecord token(String file, byte[] der, String correspondence, CertificateCheck certificates,
                                     CheckList list) {
        CheckList.Subject subject = list.subject(CheckList.Section.TOKENS, file);
        TokenRecord token = null;
        try {
            SignedEnvelope envelope = SignedEnvelope.open(der);
            List<String> problems = new ArrayList<>();
            token = TokenRecord.read(file, der, JsonFields.parse(envelope.content()), problems);
            problems.forEach(subject::fail);
            Matcher name = BundleLayout.TOKEN_FILE.matcher(file);
            if (name.matches() && !(name.group(2).equals(token.step()) && name.group(4).equals(token.kind())
                    && Integer.parseInt(name.group(3)) == BundleLayout.KINDS.indexOf(token.kind()) + 1)) {
                subject.fail("file name says " + name.group(2) + "-" + name.group(3) + "-" + name.group(4)
                        + " but the token is " + token.step() + " " + token.kind());
            }
            if (correspondence == null) {
                subject.fail("correspondence cannot be compared: manifest.json is unusable");
            } else if (!correspondence.equals(token.correspondence())) {
                subject.fail("correspondence = \"" + token.correspondence() + "\", manifest.json says \""
                        + correspondence + "\"");
            }
            String issuer = token.issuer();
            X509Certificate signer = BundleLayout.KEY_ID.matcher(issuer).matches()
                    ? certificates.certificate(issuer) : null;
            String certFile = "certificates/" + issuer + ".pem";
            if (signer == null) {
                subject.fail("issuer \"" + JsonFields.shorten(issuer) + "\": " + certFile
                        + " is missing or unreadable");
            } else {
                envelope.verifySignedBy(signer, certFile);
                if (!certificates.trusted(issuer)) {
                    subject.fail("signer certificate " + certFile + " is not issued by ca.pem");
                }
                certificates.used(issuer, token.issuedAt(), "issuedAt of " + file);
            }
        } catch (VerificationProblem e) {
            subject.fail(e.getMessage());
        }
        subject.okUnlessFailed(token == null ? ""
                : token.step() + " " + token.kind() + ", signed by " + token.issuer());
        return token;
    }

    private static void content(Map<String, Path> supplied, Map<String, String> digests, CheckList list) {
        for (Map.Entry<String, Path> part : new TreeMap<>(supplied).entrySet()) {
            CheckList.Subject subject = list.subject(CheckList.Section.CONTENT, "content " + part.getKey());
            String expected = digests == null ? null : digests.get(part.getKey());
            if (digests == null) {
                subject.fail("cannot be checked: digests.txt is missing or unreadable");
            } else if (expected == null) {
                subject.fail("\"" + part.getKey() + "\" is not a content part listed in digests.txt "
                        + new ArrayList<>(digests.keySet()));
            } else {
                try {
                    String actual = Digests.sha256Hex(part.getValue());
                    if (!actual.equals(expected)) {
                        subject.fail("SHA-256 of " + part.getValue() + " is " + actual + ", digests.txt says "
                                + expected);
                    }
                } catch (IOException | RuntimeException e) {
                    subject.fail("cannot read " + part.getValue() + ": " + e.getMessage());
                }
            }
            subject.okUnlessFailed("SHA-256 matches digests.txt");
        }
    }
}
