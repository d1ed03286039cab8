package org.domicile.chain.application;

import java.time.Instant;

/**
 * A chain whose step failed for a passing reason and is being tried again, as the operator console
 * lists it.
 *
 * @param step        the step it resumes from (the earlier steps of a failed transaction are done again)
 * @param tries       failed tries in a row
 * @param lastFailure why the last try failed, with the step it broke off at
 * @param nextTry     when it is tried again
 */
public record RetriedChain(String correspondenceId, String step, int tries, String lastFailure, Instant failedAt,
                           Instant nextTry) {
}
