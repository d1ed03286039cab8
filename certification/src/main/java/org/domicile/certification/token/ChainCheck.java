package org.domicile.certification.token;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.domicile.certification.cms.CmsVerifier;

/**
 * Checks the token chain of one correspondence, in the order the tokens were made: every signature, the
 * sequence ORDER, ACKNOWLEDGEMENT, RETURN, COUNTERSIGNATURE per step, the links between tokens, and who
 * signed each token. Reports every problem with the index of the token it concerns; it does not stop at
 * the first.
 *
 * <p>Links checked: ACKNOWLEDGEMENT.answers = RETURN.answers = digest(ORDER); COUNTERSIGNATURE.answers =
 * digest(RETURN) and COUNTERSIGNATURE.output = RETURN.output; ORDER.previous = digest(previous
 * COUNTERSIGNATURE), "" in the first step; ORDER.input = previous RETURN.output from the second step on;
 * every token of a step has the ORDER's step, operator and input; one correspondence throughout; the
 * RETURN and COUNTERSIGNATURE are not later than the ORDER's deadline.
 *
 * <p>Signers: ORDER and COUNTERSIGNATURE name {@link CertificationTokens#CERTIFICATION_SERVER} as issuer,
 * ACKNOWLEDGEMENT and RETURN the step's operator; the token's signer certificate must be exactly the one
 * registered for that issuer.
 *
 * <p>Thread-safe if the certificate map is not changed while checking (it is copied).
 */
public final class ChainCheck {

    /** What is wrong with a token. */
    public enum Problem {
        /** The CMS signature, structure or signer certificate does not verify (detail names the reason). */
        SIGNATURE_INVALID,
        /** The signed content is not valid token JSON. */
        MALFORMED_CONTENT,
        /** The token is not the kind expected at this place (a part of a step missing, or out of order). */
        OUT_OF_SEQUENCE,
        /** The token names another correspondence than the chain's. */
        WRONG_CORRESPONDENCE,
        /** The issuer is not the one for this kind of token (certification server, or the step's operator). */
        WRONG_ISSUER,
        /** No certificate is registered for the token's issuer. */
        UNKNOWN_ISSUER,
        /** The token was signed with another certificate than its issuer's. */
        WRONG_SIGNER,
        /** Step, operator or input differ from the step's ORDER. */
        STEP_MISMATCH,
        /** answers is not the digest of the token it must answer. */
        BROKEN_ANSWERS_LINK,
        /** ORDER.previous is not the digest of the previous COUNTERSIGNATURE ("" for the first step). */
        BROKEN_PREVIOUS_LINK,
        /** ORDER.input is not the previous step's RETURN.output. */
        BROKEN_INPUT_LINK,
        /** COUNTERSIGNATURE.output differs from the RETURN's output. */
        OUTPUT_MISMATCH,
        /** A RETURN or COUNTERSIGNATURE was issued after the ORDER's deadline. */
        DEADLINE_PASSED
    }

    /**
     * One problem.
     *
     * @param index   position of the token in the list given to {@link #check}
     * @param tokenId the token's id, or "" if it could not be read
     * @param problem what is wrong
     * @param detail  what was expected and what was found
     */
    public record Finding(int index, String tokenId, Problem problem, String detail) {

        @Override
        public String toString() {
            return "token #" + index + (tokenId.isEmpty() ? "" : " (" + tokenId + ")") + ": " + problem + ": " + detail;
        }
    }

    /**
     * The outcome.
     *
     * @param tokens   the tokens that could be opened, in order (unreadable ones left out)
     * @param findings every problem found; empty means the chain is sound so far
     * @param complete whether the chain is sound and ends with a COUNTERSIGNATURE (no step under way)
     */
    public record Result(List<VerifiedToken> tokens, List<Finding> findings, boolean complete) {

        public Result {
            tokens = List.copyOf(tokens);
            findings = List.copyOf(findings);
        }

        /** No problem found. A chain whose last step is still under way can be ok but not complete. */
        public boolean ok() {
            return findings.isEmpty();
        }
    }

    private final CmsVerifier verifier;
    private final Map<String, byte[]> certificates = new HashMap<>();

    /**
     * @param verifier     verifies signatures against the CA
     * @param certificates the certificate of each issuer id: the certification server's under
     *                     {@link CertificationTokens#CERTIFICATION_SERVER}, each operator's under its id
     */
    public ChainCheck(CmsVerifier verifier, Map<String, X509Certificate> certificates) {
        if (verifier == null || certificates == null) {
            throw new IllegalArgumentException("chain check needs a verifier and the issuers' certificates");
        }
        this.verifier = verifier;
        for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("issuer ids and certificates must not be null");
            }
            try {
                this.certificates.put(entry.getKey(), entry.getValue().getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate of issuer " + entry.getKey() + " cannot be encoded", e);
            }
        }
    }

    /** Checks the tokens of one correspondence, given in the order they were made. */
    public Result check(List<byte[]> tokens) {
        if (tokens == null || tokens.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("tokens must be a list without null elements");
        }
        ChainWalk walk = new ChainWalk(verifier, certificates);
        for (int i = 0; i < tokens.size(); i++) {
            walk.accept(i, tokens.get(i));
        }
        return walk.result();
    }
}
