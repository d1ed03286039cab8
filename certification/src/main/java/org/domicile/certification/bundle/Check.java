package org.domicile.certification.bundle;

/**
 * One verification result: what was checked (usually a file of the bundle, or "chain", or a content part),
 * whether it holds, and what was found (on failure: what, where, expected against actual).
 */
public record Check(String subject, boolean ok, String detail) {

    public Check {
        subject = subject == null ? "" : subject;
        detail = detail == null ? "" : detail;
    }

    /** "OK   subject" or "FAIL subject: detail", the command-line form. */
    public String line() {
        return ok ? "OK   " + subject : "FAIL " + subject + ": " + detail;
    }
}
