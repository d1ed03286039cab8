package org.domicile.certification.bundle;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.domicile.certification.signing.Crypto;

/**
 * The trust anchor (ca.pem) and the signer certificates (certificates/*.pem): read, issued by ca.pem, and valid
 * whenever they were used. A certificate's uses are the times of what it signed (a token's issuedAt, an evidence
 * record's time-stamp); one that signed nothing in the bundle must be valid at the latest time-stamped time.
 */
final class CertificateCheck {

    /** A moment a certificate had to be valid, and what happened then. */
    record Use(Instant time, String what) {
    }

    private final CheckList list;
    private CheckList.Subject caSubject;
    private X509Certificate ca;
    private final Map<String, X509Certificate> parsed = new LinkedHashMap<>();
    private final Map<String, CheckList.Subject> subjects = new LinkedHashMap<>();
    private final Map<String, List<Use>> uses = new LinkedHashMap<>();

    CertificateCheck(CheckList list) {
        this.list = list;
    }

    /** Reads and checks ca.pem; returns it, or null when it cannot serve as trust anchor. */
    X509Certificate readCa(byte[] pem) {
        caSubject = list.subject(CheckList.Section.CA, BundleLayout.CA);
        if (pem == null) {
            caSubject.fail("missing");
            return null;
        }
        try {
            X509Certificate cert = Pem.decode(pem);
            if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                caSubject.fail("not self-signed: issuer \"" + cert.getIssuerX500Principal().getName() + "\"");
            }
            try {
                cert.verify(cert.getPublicKey(), Crypto.provider());
            } catch (Exception e) {
                caSubject.fail("its self-signature does not verify");
            }
            if (cert.getBasicConstraints() < 0) {
                caSubject.fail("not a CA certificate (basic constraints CA=false or absent)");
            }
            boolean[] keyUsage = cert.getKeyUsage();
            if (keyUsage == null || keyUsage.length < 6 || !keyUsage[5]) {
                caSubject.fail("key usage does not allow signing certificates (keyCertSign)");
            }
            ca = caSubject.failed() ? null : cert;
        } catch (IllegalArgumentException e) {
            caSubject.fail(e.getMessage());
        }
        return ca;
    }

    /** Reads certificates/<keyId>.pem and checks that ca.pem issued it. */
    void readCertificate(String keyId, byte[] pem) {
        String file = BundleLayout.certificateFile(keyId);
        CheckList.Subject subject = list.subject(CheckList.Section.CERTIFICATES, file);
        subjects.put(keyId, subject);
        X509Certificate cert;
        try {
            cert = Pem.decode(pem);
        } catch (IllegalArgumentException e) {
            subject.fail(e.getMessage());
            return;
        }
        parsed.put(keyId, cert);
        if (ca == null) {
            subject.fail("cannot be checked: ca.pem is not a usable CA certificate");
            return;
        }
        if (!cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            subject.fail("issued by \"" + cert.getIssuerX500Principal().getName() + "\", not by ca.pem (\""
                    + ca.getSubjectX500Principal().getName() + "\")");
            return;
        }
        try {
            cert.verify(ca.getPublicKey(), Crypto.provider());
        } catch (Exception e) {
            subject.fail("not issued by ca.pem: its signature does not verify with the key of ca.pem");
            return;
        }
        if (cert.getBasicConstraints() >= 0) {
            subject.fail("is a CA certificate; a signer certificate must not be one");
        }
    }

    /** The certificate of {@code keyId}, whether or not it checked out (null if absent or unreadable). */
    X509Certificate certificate(String keyId) {
        return parsed.get(keyId);
    }

    /** Whether certificates/<keyId>.pem was read and ca.pem issued it. */
    boolean trusted(String keyId) {
        return parsed.containsKey(keyId) && !subjects.get(keyId).failed();
    }

    void used(String keyId, Instant time, String what) {
        if (time != null) {
            uses.computeIfAbsent(keyId, k -> new ArrayList<>()).add(new Use(time, what));
        }
    }

    /** Checks validity at every use (or at {@code reference} for unused ones) and reports every certificate. */
    void finish(Instant reference) {
        if (ca != null) {
            List<Use> caUses = new ArrayList<>(List.of(new Use(reference, "the latest time-stamped time")));
            uses.values().forEach(caUses::addAll);
            validity(ca, caUses, caSubject, BundleLayout.CA);
            caSubject.okUnlessFailed("CA certificate \"" + ca.getSubjectX500Principal().getName()
                    + "\", SHA-256 fingerprint " + ReadmeText.fingerprint(ca));
        }
        subjects.forEach((keyId, subject) -> {
            X509Certificate cert = parsed.get(keyId);
            if (cert != null && !subject.failed()) {
                List<Use> certUses = uses.getOrDefault(keyId,
                        List.of(new Use(reference, "the latest time-stamped time (" + reference + ")")));
                validity(cert, certUses, subject, BundleLayout.certificateFile(keyId));
            }
            subject.okUnlessFailed(cert == null ? "" : "issued by ca.pem to \""
                    + cert.getSubjectX500Principal().getName() + "\", valid from " + cert.getNotBefore().toInstant()
                    + " to " + cert.getNotAfter().toInstant());
        });
    }

    private static void validity(X509Certificate cert, List<Use> certUses, CheckList.Subject subject, String file) {
        List<Use> outside = new ArrayList<>();
        for (Use use : certUses) {
            try {
                cert.checkValidity(Date.from(use.time()));
            } catch (Exception e) {
                outside.add(use);
            }
        }
        if (!outside.isEmpty()) {
            Use first = outside.get(0);
            subject.fail(file + " (valid from " + cert.getNotBefore().toInstant() + " to "
                    + cert.getNotAfter().toInstant() + ") is not valid at " + first.time() + " (" + first.what() + ")"
                    + (outside.size() > 1 ? " nor at " + (outside.size() - 1) + " other time(s) it was used" : ""));
        }
    }
}
