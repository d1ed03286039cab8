package org.domicile.certification.bundle;

/** A reason why something in a bundle does not verify; its message is shown to the user as is. */
final class VerificationProblem extends Exception {

    private static final long serialVersionUID = 1L;

    VerificationProblem(String message) {
        super(message, null, false, false);
    }
}
