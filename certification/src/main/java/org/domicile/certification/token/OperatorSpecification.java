package org.domicile.certification.token;

import java.time.Duration;
import java.util.List;

import org.domicile.certification.cms.json.Values;

/**
 * What a processing operator is registered to do: one step, with the algorithms it may use and the time
 * it has from the ORDER to its RETURN.
 *
 * @param operatorId the operator's id, e.g. "op-seal"
 * @param step       the step, e.g. "SEAL"
 * @param algorithms the algorithms it may use (non-empty, immutable)
 * @param deadline   the longest time from ORDER to RETURN (positive)
 */
public record OperatorSpecification(String operatorId, String step, List<String> algorithms, Duration deadline) {

    public OperatorSpecification {
        Values.identifier(operatorId, "operatorId");
        Values.identifier(step, "step");
        if (algorithms == null || algorithms.isEmpty()) {
            throw new IllegalArgumentException("an operator specification must allow at least one algorithm");
        }
        for (String algorithm : algorithms) {
            Values.identifier(algorithm, "algorithm");
        }
        algorithms = List.copyOf(algorithms);
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be a positive duration");
        }
    }
}
