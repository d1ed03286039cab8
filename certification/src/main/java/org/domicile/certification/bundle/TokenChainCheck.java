package org.domicile.certification.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * The links between the tokens of a chain (SPEC section 3): per step exactly ORDER, ACKNOWLEDGEMENT, RETURN and
 * COUNTERSIGNATURE, steps in SPEC order, each token answering the right one, each step's order pointing at the
 * previous step's countersignature, and each step's input being the previous step's output.
 */
final class TokenChainCheck {

    private TokenChainCheck() {
    }

    /** Adds a failure to {@code chain} for every broken link; returns the step names in order. */
    static List<String> check(List<TokenRecord> tokens, CheckList.Subject chain) {
        List<String> steps = new ArrayList<>();
        if (tokens.isEmpty()) {
            chain.fail("no certification token: no processing step is certified");
            return steps;
        }
        List<List<TokenRecord>> groups = new ArrayList<>();
        for (TokenRecord token : tokens) {
            if (groups.isEmpty() || !last(groups).get(0).step().equals(token.step())) {
                groups.add(new ArrayList<>());
            }
            last(groups).add(token);
        }
        TokenRecord previousCountersignature = null;
        TokenRecord previousReturn = null;
        int previousStepIndex = -1;
        for (List<TokenRecord> group : groups) {
            String step = group.get(0).step();
            steps.add(step);
            int stepIndex = BundleLayout.STEPS.indexOf(step);
            if (stepIndex < 0) {
                chain.fail(group.get(0).file() + ": unknown step \"" + step + "\"");
            } else if (stepIndex <= previousStepIndex) {
                chain.fail(group.get(0).file() + ": step " + step + " comes after "
                        + BundleLayout.STEPS.get(previousStepIndex) + ", against the order " + BundleLayout.STEPS
                        + " (or it appears twice)");
            }
            previousStepIndex = Math.max(previousStepIndex, stepIndex);
            List<String> kinds = group.stream().map(TokenRecord::kind).toList();
            if (!kinds.equals(BundleLayout.KINDS)) {
                chain.fail("step " + step + " (" + files(group) + ") has tokens " + kinds + ", expected exactly "
                        + BundleLayout.KINDS);
                // Without the four roles the links below cannot be told apart; later steps are still checked.
                previousCountersignature = find(group, "COUNTERSIGNATURE");
                previousReturn = find(group, "RETURN");
                continue;
            }
            TokenRecord order = group.get(0);
            TokenRecord ack = group.get(1);
            TokenRecord ret = group.get(2);
            TokenRecord counter = group.get(3);
            for (TokenRecord token : group) {
                if (!token.operator().equals(order.operator())) {
                    chain.fail(token.file() + ": operator \"" + token.operator() + "\" differs from the order's \""
                            + order.operator() + "\"");
                }
            }
            issuedBy(chain, order, BundleLayout.CERTIFICATION_SERVER);
            issuedBy(chain, counter, BundleLayout.CERTIFICATION_SERVER);
            issuedBy(chain, ack, order.operator());
            issuedBy(chain, ret, order.operator());
            answers(chain, ack, order);
            answers(chain, ret, order);
            answers(chain, counter, ret);
            String expectedPrevious = previousCountersignature == null ? "" : previousCountersignature.digest();
            if (!order.previous().equals(expectedPrevious)) {
                chain.fail(order.file() + ": previous = \"" + order.previous() + "\", expected "
                        + (previousCountersignature == null ? "\"\" (first step)"
                        : "\"" + expectedPrevious + "\" (SHA-256 of " + previousCountersignature.file() + ")"));
            }
            if (previousReturn != null && !order.input().equals(previousReturn.output())) {
                chain.fail(order.file() + ": input = \"" + order.input() + "\", expected \"" + previousReturn.output()
                        + "\" (output of " + previousReturn.file() + ")");
            }
            if (ret.output().isEmpty()) {
                chain.fail(ret.file() + ": output is empty");
            }
            previousCountersignature = counter;
            previousReturn = ret;
        }
        return steps;
    }

    private static void issuedBy(CheckList.Subject chain, TokenRecord token, String expected) {
        if (!token.issuer().equals(expected)) {
            chain.fail(token.file() + ": issuer = \"" + token.issuer() + "\", expected \"" + expected + "\"");
        }
    }

    private static void answers(CheckList.Subject chain, TokenRecord token, TokenRecord answered) {
        if (!token.answers().equals(answered.digest())) {
            chain.fail(token.file() + ": answers = \"" + token.answers() + "\", expected \"" + answered.digest()
                    + "\" (SHA-256 of " + answered.file() + ")");
        }
    }

    private static TokenRecord find(List<TokenRecord> group, String kind) {
        return group.stream().filter(t -> t.kind().equals(kind)).reduce((a, b) -> b).orElse(null);
    }

    private static String files(List<TokenRecord> group) {
        return String.join(", ", group.stream().map(TokenRecord::file).toList());
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
