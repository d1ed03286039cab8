package org.domicile.certification.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The certification server's check of a RETURN before it countersigns (SPEC section 3, step 4): right
 * kind, correspondence, step and operator, the RETURN answers this ORDER, same input, only allowed
 * algorithms, the output digest is the one stored, and both the RETURN and the check are within the
 * deadline. All failures are reported, not only the first.
 *
 * <p>Both tokens must already be opened (signature verified). That the RETURN was signed with the
 * operator's registered certificate is checked by {@link ChainCheck}; run it over the chain so far too.
 */
public final class SpecificationCheck {

    /** Which rule a RETURN broke. */
    public enum Rule {
        /** The first token is not an ORDER or the second not a RETURN. */
        WRONG_KIND,
        /** The two tokens are about different correspondences. */
        WRONG_CORRESPONDENCE,
        /** The step is not the specification's, or differs between ORDER and RETURN. */
        WRONG_STEP,
        /** The operator (or the RETURN's issuer) is not the specification's, or differs between ORDER and RETURN. */
        WRONG_OPERATOR,
        /** RETURN.answers is not the digest of the ORDER token. */
        NOT_ANSWERING_ORDER,
        /** RETURN.input differs from ORDER.input. */
        INPUT_MISMATCH,
        /** The RETURN names an algorithm the specification does not allow. */
        ALGORITHM_NOT_ALLOWED,
        /** RETURN.output is not the digest the server stored for the output. */
        OUTPUT_MISMATCH,
        /** The RETURN was made, or is being checked, after the deadline. */
        DEADLINE_PASSED
    }

    /** One broken rule, with what was found. */
    public record Failure(Rule rule, String detail) {

        public Failure {
            if (rule == null || detail == null) {
                throw new IllegalArgumentException("a failure needs a rule and a detail");
            }
        }
    }

    private SpecificationCheck() {
    }

    /**
     * Checks a RETURN against its ORDER and the operator's specification.
     *
     * @param order        the opened ORDER token
     * @param returned     the opened RETURN token
     * @param spec         the operator's registered specification
     * @param storedOutput hex SHA-256 the server computed over the output it stored
     * @param now          the time of the check
     * @return the broken rules; empty means the RETURN may be countersigned
     */
    public static List<Failure> check(VerifiedToken order, VerifiedToken returned, OperatorSpecification spec,
                                      String storedOutput, Instant now) {
        if (order == null || returned == null || spec == null || storedOutput == null || now == null) {
            throw new IllegalArgumentException("the specification check needs ORDER, RETURN, specification, "
                    + "stored output digest and the time");
        }
        TokenContent o = order.content();
        TokenContent r = returned.content();
        List<Failure> failures = new ArrayList<>();
        if (o.kind() != TokenKind.ORDER || r.kind() != TokenKind.RETURN) {
            failures.add(new Failure(Rule.WRONG_KIND, "expected an ORDER and a RETURN, got " + o.kind() + " and "
                    + r.kind()));
        }
        if (!o.correspondence().equals(r.correspondence())) {
            failures.add(new Failure(Rule.WRONG_CORRESPONDENCE, "ORDER is for correspondence " + o.correspondence()
                    + ", RETURN for " + r.correspondence()));
        }
        if (!spec.step().equals(o.step()) || !spec.step().equals(r.step())) {
            failures.add(new Failure(Rule.WRONG_STEP, "specification step " + spec.step() + ", ORDER step "
                    + o.step() + ", RETURN step " + r.step()));
        }
        String operator = spec.operatorId();
        if (!operator.equals(o.operator()) || !operator.equals(r.operator()) || !operator.equals(r.issuer())) {
            failures.add(new Failure(Rule.WRONG_OPERATOR, "specification operator " + operator + ", ORDER operator "
                    + o.operator() + ", RETURN operator " + r.operator() + " issued by " + r.issuer()));
        }
        if (!r.answers().equals(order.digest())) {
            failures.add(new Failure(Rule.NOT_ANSWERING_ORDER, "RETURN answers " + r.answers()
                    + " but the ORDER's digest is " + order.digest()));
        }
        if (!r.input().equals(o.input())) {
            failures.add(new Failure(Rule.INPUT_MISMATCH, "RETURN input " + r.input() + " differs from ORDER input "
                    + o.input()));
        }
        for (String algorithm : r.algorithms()) {
            if (!spec.algorithms().contains(algorithm)) {
                failures.add(new Failure(Rule.ALGORITHM_NOT_ALLOWED, "algorithm '" + algorithm
                        + "' is not allowed; allowed: " + spec.algorithms()));
            }
        }
        if (!r.output().equals(storedOutput)) {
            failures.add(new Failure(Rule.OUTPUT_MISMATCH, "RETURN output " + r.output()
                    + " differs from the stored output's digest " + storedOutput));
        }
        Instant deadline = deadline(o, spec);
        if (r.issuedAt().isAfter(deadline)) {
            failures.add(new Failure(Rule.DEADLINE_PASSED, "RETURN issued at " + r.issuedAt()
                    + ", after the deadline " + deadline));
        }
        if (now.isAfter(deadline)) {
            failures.add(new Failure(Rule.DEADLINE_PASSED, "checked at " + now + ", after the deadline " + deadline));
        }
        return List.copyOf(failures);
    }

    /** The earlier of the ORDER's deadline (if any) and the ORDER's time plus the specification's duration. */
    static Instant deadline(TokenContent order, OperatorSpecification spec) {
        Instant bySpecification = order.issuedAt().plus(spec.deadline());
        return order.deadlineIfAny().filter(d -> d.isBefore(bySpecification)).orElse(bySpecification);
    }
}
