package org.domicile.certification.bundle;

import java.util.List;

/** The outcome of verifying an evidence bundle: every check made, in a stable order. */
public record VerificationReport(List<Check> checks) {

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** True iff there is at least one check and none failed. */
    public boolean allOk() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
    }

    /** The failed checks only. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }

    /** One line summing up, e.g. "42 checks: all passed" or "42 checks: 3 failed". */
    public String summary() {
        long failed = checks.stream().filter(c -> !c.ok()).count();
        return checks.size() + " checks: " + (allOk() ? "all passed" : failed + " failed");
    }
}
