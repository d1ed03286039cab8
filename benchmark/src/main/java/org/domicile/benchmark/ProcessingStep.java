package org.domicile.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.domicile.certification.token.OperatorSpecification;

/**
 * The eight steps of the processing chain (SPEC section 3), each done by its own operator, with the
 * algorithms its specification allows and the time it has from ORDER to RETURN.
 */
enum ProcessingStep {
    SUBMIT(List.of("SHA-256"), Duration.ofMinutes(10)),
    SEAL(List.of("SHA-256", "SHA256withECDSA"), Duration.ofMinutes(10)),
    TIMESTAMP(List.of("SHA-256", "RFC3161"), Duration.ofMinutes(10)),
    PROTECT(List.of("SHA-256", "AES-256-GCM", "ECDH-P256-SHA256KDF", "AES-256-WRAP"), Duration.ofMinutes(10)),
    CHARGE(List.of("SHA-256"), Duration.ofMinutes(10)),
    DELIVER(List.of("SHA-256"), Duration.ofMinutes(10)),
    HANDOVER(List.of("SHA-256"), Duration.ofDays(15)),
    ARCHIVE(List.of("SHA-256"), Duration.ofMinutes(10));

    private final List<String> algorithms;
    private final Duration deadline;

    ProcessingStep(List<String> algorithms, Duration deadline) {
        this.algorithms = algorithms;
        this.deadline = deadline;
    }

    /** The id of the operator registered for this step, e.g. "op-seal". */
    String operatorId() {
        return "op-" + name().toLowerCase(Locale.ROOT);
    }

    List<String> algorithms() {
        return algorithms;
    }

    Duration deadline() {
        return deadline;
    }

    /** The operator's registered specification, which the certification server checks every RETURN against. */
    OperatorSpecification specification() {
        return new OperatorSpecification(operatorId(), name(), algorithms, deadline);
    }
}
