package org.domicile.certification.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.domicile.certification.cms.json.CanonicalJson;
import org.domicile.certification.cms.json.JsonFields;
import org.domicile.certification.cms.json.Values;
import org.domicile.certification.trust.TrustLevel;

/**
 * What a certification token says; its canonical JSON ({@link #toJson()}) is what is signed.
 *
 * @param tokenId        unique id of this token
 * @param kind           ORDER, ACKNOWLEDGEMENT, RETURN or COUNTERSIGNATURE
 * @param correspondence id of the correspondence the step belongs to
 * @param step           the processing step, e.g. "SEAL"
 * @param operator       id of the processing operator doing the step, e.g. "op-seal"
 * @param issuer         key id of the signer: {@link CertificationTokens#CERTIFICATION_SERVER} or an operator id
 * @param level          the trust level the step requires
 * @param input          hex SHA-256 of the step's input
 * @param output         hex SHA-256 of the step's output; "" before there is one (required in RETURN and
 *                       COUNTERSIGNATURE)
 * @param previous       hex SHA-256 of the previous step's COUNTERSIGNATURE token bytes; "" in the first step
 * @param answers        hex SHA-256 of the token this one answers; "" in an ORDER, required otherwise
 * @param issuedAt       when the token was made (kept to milliseconds)
 * @param deadline       when the step must be done, or null if none (kept to milliseconds)
 * @param algorithms     in an ORDER the algorithms the operator may use; in a RETURN those it used
 */
public record TokenContent(String tokenId, TokenKind kind, String correspondence, String step, String operator,
                           String issuer, TrustLevel level, String input, String output, String previous,
                           String answers, Instant issuedAt, Instant deadline, List<String> algorithms) {

    /** The only format version, written as "version": 1. */
    public static final int VERSION = 1;

    private static final String WHAT = "token";

    public TokenContent {
        Values.identifier(tokenId, "tokenId");
        if (kind == null) {
            throw new IllegalArgumentException("token kind must not be null");
        }
        Values.identifier(correspondence, "correspondence");
        Values.identifier(step, "step");
        Values.identifier(operator, "operator");
        Values.identifier(issuer, "issuer");
        if (level == null) {
            throw new IllegalArgumentException("level must not be null");
        }
        Values.digest(input, "input");
        output = Values.digestOrEmpty(output, "output");
        previous = Values.digestOrEmpty(previous, "previous");
        answers = Values.digestOrEmpty(answers, "answers");
        if (issuedAt == null) {
            throw new IllegalArgumentException("issuedAt must not be null");
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MILLIS);
        deadline = deadline == null ? null : deadline.truncatedTo(ChronoUnit.MILLIS);
        if (algorithms == null) {
            throw new IllegalArgumentException("algorithms must not be null (use an empty list)");
        }
        for (String algorithm : algorithms) {
            Values.identifier(algorithm, "algorithm");
        }
        algorithms = List.copyOf(algorithms);
        if (kind == TokenKind.ORDER && !answers.isEmpty()) {
            throw new IllegalArgumentException("an ORDER answers no token: answers must be \"\"");
        }
        if (kind != TokenKind.ORDER && answers.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " must give the digest of the token it answers");
        }
        if ((kind == TokenKind.RETURN || kind == TokenKind.COUNTERSIGNATURE) && output.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " must give the digest of the step's output");
        }
    }

    /** An ORDER issued by the certification server. */
    public static TokenContent order(String tokenId, String correspondence, String step, String operator,
                                     TrustLevel level, String inputDigest, String previousDigest, Instant issuedAt,
                                     Instant deadline, List<String> allowedAlgorithms) {
        return new TokenContent(tokenId, TokenKind.ORDER, correspondence, step, operator,
                CertificationTokens.CERTIFICATION_SERVER, level, inputDigest, "", previousDigest, "", issuedAt,
                deadline, allowedAlgorithms);
    }

    /** The operator's ACKNOWLEDGEMENT of this ORDER, whose token digest is {@code orderDigest}. */
    public TokenContent acknowledgement(String tokenId, String orderDigest, Instant issuedAt) {
        requireKind(TokenKind.ORDER);
        return new TokenContent(tokenId, TokenKind.ACKNOWLEDGEMENT, correspondence, step, operator, operator, level,
                input, "", previous, orderDigest, issuedAt, deadline, algorithms);
    }

    /** The operator's RETURN for this ORDER: the digest of its output and the algorithms it used. */
    public TokenContent returnOf(String tokenId, String orderDigest, String outputDigest, List<String> usedAlgorithms,
                                 Instant issuedAt) {
        requireKind(TokenKind.ORDER);
        return new TokenContent(tokenId, TokenKind.RETURN, correspondence, step, operator, operator, level, input,
                outputDigest, previous, orderDigest, issuedAt, deadline, usedAlgorithms);
    }

    /** The certification server's COUNTERSIGNATURE of this RETURN, whose token digest is {@code returnDigest}. */
    public TokenContent countersignature(String tokenId, String returnDigest, Instant issuedAt) {
        requireKind(TokenKind.RETURN);
        return new TokenContent(tokenId, TokenKind.COUNTERSIGNATURE, correspondence, step, operator,
                CertificationTokens.CERTIFICATION_SERVER, level, input, output, previous, returnDigest, issuedAt,
                deadline, algorithms);
    }

    /** The deadline, if there is one. */
    public Optional<Instant> deadlineIfAny() {
        return Optional.ofNullable(deadline);
    }

    /** The canonical JSON of this token (sorted keys, no whitespace, UTF-8). */
    public byte[] toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("algorithms", algorithms);
        json.put("answers", answers);
        json.put("correspondence", correspondence);
        json.put("deadline", deadline == null ? "" : CanonicalJson.instant(deadline));
        json.put("input", input);
        json.put("issuedAt", CanonicalJson.instant(issuedAt));
        json.put("issuer", issuer);
        json.put("kind", kind.name());
        json.put("level", level.name());
        json.put("operator", operator);
        json.put("output", output);
        json.put("previous", previous);
        json.put("step", step);
        json.put("tokenId", tokenId);
        json.put("version", VERSION);
        return CanonicalJson.write(json);
    }

    /**
     * Reads token JSON strictly: every field present with its type, no other field, version 1.
     *
     * @throws IllegalArgumentException naming the first problem
     */
    public static TokenContent fromJson(byte[] json) {
        try {
            JsonFields fields = JsonFields.parse(json, WHAT);
            long version = fields.integer("version");
            if (version != VERSION) {
                throw new IllegalArgumentException(WHAT + ": unsupported version " + version);
            }
            TokenContent content = new TokenContent(fields.string("tokenId"), TokenKind.parse(fields.string("kind")),
                    fields.string("correspondence"), fields.string("step"), fields.string("operator"),
                    fields.string("issuer"), level(fields.string("level")), fields.string("input"),
                    fields.string("output"), fields.string("previous"), fields.string("answers"),
                    fields.instant("issuedAt"), fields.instantOrNull("deadline"), fields.strings("algorithms"));
            fields.end();
            return content;
        } catch (IllegalArgumentException e) {
            // Every message names the document, so a caller can show it as is.
            throw String.valueOf(e.getMessage()).startsWith(WHAT + ":") ? e
                    : new IllegalArgumentException(WHAT + ": " + e.getMessage(), e);
        }
    }

    private static TrustLevel level(String name) {
        for (TrustLevel level : TrustLevel.values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown trust level '" + name + "'");
    }

    private void requireKind(TokenKind expected) {
        if (kind != expected) {
            throw new IllegalStateException("only an " + expected + " can be answered this way, not a " + kind);
        }
    }
}
