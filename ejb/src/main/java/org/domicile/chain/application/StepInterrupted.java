package org.domicile.chain.application;

import org.domicile.operators.domain.ProcessingStep;

/**
 * A step broke off for a passing reason (an outside call, the database): its transaction rolls back
 * and the chain is tried again later. Names the step, so that the operator reads where it broke off.
 */
class StepInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProcessingStep step;

    StepInterrupted(ProcessingStep step, RuntimeException cause) {
        super("the " + step + " step broke off", cause);
        this.step = step;
    }

    /**
     * What went wrong, for the operator: the step, if the failure came from one, and the innermost
     * cause's type and message (a failed commit has no step).
     */
    static String describe(Throwable failure) {
        ProcessingStep step = null;
        Throwable root = failure;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof StepInterrupted s) {
                step = s.step;
            }
            root = t;
        }
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return step == null ? what : step + " step: " + what;
    }
}
