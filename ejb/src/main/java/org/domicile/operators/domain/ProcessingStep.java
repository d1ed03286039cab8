package org.domicile.operators.domain;

import java.time.Duration;
import java.util.List;

/**
 * The steps of the processing chain, in order (SPEC §3), each with the algorithms its operator
 * may use and the deadline it has for one piece of work.
 */
public enum ProcessingStep {
    SUBMIT(List.of("SHA-256"), Duration.ofSeconds(30)),
    SEAL(List.of("SHA256withECDSA", "SHA-256"), Duration.ofSeconds(60)),
    TIMESTAMP(List.of("RFC3161", "SHA256withECDSA", "SHA-256"), Duration.ofSeconds(60)),
    PROTECT(List.of("AES-256-GCM", "ECDH-P256", "RSA-OAEP-SHA256"), Duration.ofSeconds(60)),
    CHARGE(List.of("SHA-256"), Duration.ofSeconds(30)),
    DELIVER(List.of("SHA-256"), Duration.ofMinutes(5)),
    HANDOVER(List.of("SHA256withECDSA", "SHA-256"), Duration.ofDays(15)),
    ARCHIVE(List.of("SHA-256"), Duration.ofMinutes(5));

    private final List<String> algorithms;
    private final Duration deadline;

    ProcessingStep(List<String> algorithms, Duration deadline) {
        this.algorithms = algorithms;
        this.deadline = deadline;
    }

    public List<String> algorithms() {
        return algorithms;
    }

    public Duration deadline() {
        return deadline;
    }

    /** The built-in operator's id for this step, e.g. "op-seal". */
    public String operatorId() {
        return "op-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
