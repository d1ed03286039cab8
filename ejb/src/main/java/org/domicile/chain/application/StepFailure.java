package org.domicile.chain.application;

/** A step could not be done as certified (not a passing fault): the chain stops with this reason. */
class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailure(String reason) {
        super(reason);
    }
}
