package org.domicile.certification.token;

import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.domicile.certification.cms.CmsException;
import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.token.ChainCheck.Finding;
import org.domicile.certification.token.ChainCheck.Problem;

/**
 * One pass of {@link ChainCheck} over a chain: the state carried from token to token and the checks of
 * each token against it. Not thread-safe; one per check.
 */
final class ChainWalk {

    private final CmsVerifier verifier;
    private final Map<String, byte[]> certificates;

    private final List<VerifiedToken> opened = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    // The furthest kind reached in the current step; a chain starts as if a step had just ended.
    // Resynchronising on it means one misplaced token is reported once, not every token after it.
    private TokenKind furthest = TokenKind.COUNTERSIGNATURE;
    private String correspondence;
    // Current step: its ORDER and RETURN (digest always known; content null if unreadable).
    private String orderDigest;
    private TokenContent order;
    private String returnDigest;
    private TokenContent returned;
    // Previous step: digest of its COUNTERSIGNATURE ("" before the first) and its output (null before).
    private String previousCountersignature = "";
    private String previousOutput;

    ChainWalk(CmsVerifier verifier, Map<String, byte[]> certificates) {
        this.verifier = verifier;
        this.certificates = certificates;
    }

    /** The outcome so far: complete when sound and the last token finished a step. */
    ChainCheck.Result result() {
        boolean complete = findings.isEmpty() && !opened.isEmpty() && furthest == TokenKind.COUNTERSIGNATURE;
        return new ChainCheck.Result(opened, findings, complete);
    }

    void accept(int index, byte[] bytes) {
        String digest = CertificationTokens.digestOf(bytes);
        VerifiedToken token;
        try {
            token = CertificationTokens.open(bytes, verifier);
        } catch (CmsException e) {
            findings.add(new Finding(index, "", Problem.SIGNATURE_INVALID, e.getMessage()));
            advanceUnreadable(digest);
            return;
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(index, "", Problem.MALFORMED_CONTENT, e.getMessage()));
            advanceUnreadable(digest);
            return;
        }
        opened.add(token);
        TokenContent content = token.content();
        Reporter report = (problem, detail) -> findings.add(new Finding(index, content.tokenId(), problem, detail));

        TokenKind expected = furthest.next();
        if (content.kind() != expected) {
            report.add(Problem.OUT_OF_SEQUENCE, "expected " + expected + ", found " + content.kind()
                    + (expected == TokenKind.ORDER ? " (the ORDER of a new step is missing)"
                            : " (a part of step " + stepName() + " is missing or out of order)"));
        }
        if (correspondence == null) {
            correspondence = content.correspondence();
        } else if (!correspondence.equals(content.correspondence())) {
            report.add(Problem.WRONG_CORRESPONDENCE, "chain is for " + correspondence + ", token for "
                    + content.correspondence());
        }
        checkSigner(token, report);
        switch (content.kind()) {
            case ORDER -> acceptOrder(digest, content, report);
            case ACKNOWLEDGEMENT -> {
                checkSameStep(content, report);
                checkAnswers(content, orderDigest, "ORDER", report);
            }
            case RETURN -> {
                checkSameStep(content, report);
                checkDeadline(content, report);
                checkAnswers(content, orderDigest, "ORDER", report);
                returnDigest = digest;
                returned = content;
            }
            case COUNTERSIGNATURE -> {
                checkSameStep(content, report);
                checkDeadline(content, report);
                checkAnswers(content, returnDigest, "RETURN", report);
                if (returned != null && !returned.output().equals(content.output())) {
                    report.add(Problem.OUTPUT_MISMATCH, "COUNTERSIGNATURE output " + content.output()
                            + " differs from RETURN output " + returned.output());
                }
                previousCountersignature = digest;
                previousOutput = returned != null ? returned.output() : content.output();
                endStep();
            }
        }
        if (content.kind() == TokenKind.ORDER || content.kind().ordinal() > furthest.ordinal()) {
            furthest = content.kind();
        }
    }

    private void acceptOrder(String digest, TokenContent content, Reporter report) {
        if (!content.previous().equals(previousCountersignature)) {
            report.add(Problem.BROKEN_PREVIOUS_LINK, previousCountersignature.isEmpty()
                    ? "the first ORDER must have previous \"\", found " + content.previous()
                    : "previous is " + quoted(content.previous()) + ", the previous COUNTERSIGNATURE's digest is "
                            + previousCountersignature);
        }
        if (previousOutput != null && !content.input().equals(previousOutput)) {
            report.add(Problem.BROKEN_INPUT_LINK, "input " + content.input()
                    + " is not the previous step's output " + previousOutput);
        }
        orderDigest = digest;
        order = content;
        returnDigest = null;
        returned = null;
    }

    /** After a COUNTERSIGNATURE nothing may answer this step's ORDER or RETURN any more. */
    private void endStep() {
        orderDigest = null;
        order = null;
        returnDigest = null;
        returned = null;
    }

    /** An unreadable token is taken as the expected kind, so the tokens after it are still checked. */
    private void advanceUnreadable(String digest) {
        TokenKind expected = furthest.next();
        switch (expected) {
            case ORDER -> {
                orderDigest = digest;
                order = null;
                returnDigest = null;
                returned = null;
            }
            case RETURN -> {
                returnDigest = digest;
                returned = null;
            }
            case COUNTERSIGNATURE -> {
                previousCountersignature = digest;
                previousOutput = null; // unknown: the next ORDER's input cannot be checked
                endStep();
            }
            case ACKNOWLEDGEMENT -> {
                // nothing links to an acknowledgement
            }
        }
        furthest = expected;
    }

    private void checkSigner(VerifiedToken token, Reporter report) {
        TokenContent content = token.content();
        String expectedIssuer = content.kind().signedByCertificationServer()
                ? CertificationTokens.CERTIFICATION_SERVER : content.operator();
        if (!content.issuer().equals(expectedIssuer)) {
            report.add(Problem.WRONG_ISSUER, "a " + content.kind() + " must be issued by " + expectedIssuer
                    + ", not " + content.issuer());
        }
        byte[] registered = certificates.get(content.issuer());
        if (registered == null) {
            report.add(Problem.UNKNOWN_ISSUER, "no certificate is registered for issuer " + content.issuer());
            return;
        }
        byte[] signer;
        try {
            signer = token.signer().getEncoded();
        } catch (CertificateEncodingException e) {
            signer = new byte[0];
        }
        if (!Arrays.equals(registered, signer)) {
            report.add(Problem.WRONG_SIGNER, "signed by " + token.signer().getSubjectX500Principal()
                    + " (serial " + token.signer().getSerialNumber().toString(16)
                    + "), not by the certificate registered for " + content.issuer());
        }
    }

    private void checkSameStep(TokenContent content, Reporter report) {
        if (order == null) {
            return; // no readable ORDER for this step: already reported
        }
        if (!order.step().equals(content.step()) || !order.operator().equals(content.operator())
                || !order.input().equals(content.input())) {
            report.add(Problem.STEP_MISMATCH, "step/operator/input " + content.step() + "/" + content.operator()
                    + "/" + content.input() + " differ from the ORDER's " + order.step() + "/" + order.operator()
                    + "/" + order.input());
        }
    }

    /** The RETURN, and the check that countersigned it, must be no later than the ORDER's deadline. */
    private void checkDeadline(TokenContent content, Reporter report) {
        if (order != null && order.deadline() != null && content.issuedAt().isAfter(order.deadline())) {
            report.add(Problem.DEADLINE_PASSED, content.kind() + " issued at " + content.issuedAt()
                    + ", after the ORDER's deadline " + order.deadline());
        }
    }

    private void checkAnswers(TokenContent content, String expectedDigest, String what, Reporter report) {
        if (expectedDigest == null) {
            report.add(Problem.BROKEN_ANSWERS_LINK, "there is no " + what + " in this step for it to answer");
        } else if (!content.answers().equals(expectedDigest)) {
            report.add(Problem.BROKEN_ANSWERS_LINK, "answers " + content.answers() + " but the " + what
                    + "'s digest is " + expectedDigest);
        }
    }

    private String stepName() {
        return order == null ? "?" : order.step();
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    @FunctionalInterface
    private interface Reporter {
        void add(Problem problem, String detail);
    }
}
