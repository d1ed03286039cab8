package org.domicile.certification.token;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.cms.TestPki.Party;
import org.domicile.certification.cms.json.CanonicalJson;
import org.domicile.certification.trust.TrustLevel;

/** Builds token chains of one correspondence, sound or with chosen defects. */
final class ChainFixture {

    static final Party SERVER = TestPki.signer(TestPki.ca(), "certification-server");
    static final Party SEAL = TestPki.signer(TestPki.ca(), "op-seal");
    static final Party PROTECT = TestPki.signer(TestPki.ca(), "op-protect");
    static final CmsVerifier VERIFIER = new CmsVerifier(TestPki.ca().certificate());
    static final String CORRESPONDENCE = "corr-2026-0001";
    static final List<String> ALGORITHMS = List.of("SHA256withECDSA", "AES-256-GCM");
    static final String FIRST_INPUT = Sha256.hexOf("the letter as validated".getBytes());

    final List<byte[]> tokens = new ArrayList<>();
    final List<TokenContent> contents = new ArrayList<>();
    private String previousCountersignature = "";
    private String input = FIRST_INPUT;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    static Map<String, X509Certificate> certificates() {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        certificates.put(CertificationTokens.CERTIFICATION_SERVER, SERVER.certificate());
        certificates.put("op-seal", SEAL.certificate());
        certificates.put("op-protect", PROTECT.certificate());
        return certificates;
    }

    static String output(String what) {
        return Sha256.hexOf(what.getBytes());
    }

    /** A sound step. */
    ChainFixture step(String step, Party operator, String operatorId, String output) {
        return step(step, operator, operatorId, output, Map.of(), Map.of());
    }

    /**
     * A step whose tokens may be edited (as JSON fields, before signing) and signed by other parties.
     * Links are computed from the tokens as actually signed.
     */
    ChainFixture step(String step, Party operator, String operatorId, String output,
                      Map<TokenKind, Consumer<Map<String, Object>>> edits, Map<TokenKind, Party> signers) {
        Instant at = start.plusSeconds(tokens.size());
        TokenContent order = TokenContent.order(CertificationTokens.newTokenId(), CORRESPONDENCE, step, operatorId,
                TrustLevel.SUBSTANTIAL, input, previousCountersignature, at, at.plus(Duration.ofHours(1)), ALGORITHMS);
        byte[] orderToken = add(TokenKind.ORDER, order, SERVER, edits, signers);
        String orderDigest = CertificationTokens.digestOf(orderToken);
        add(TokenKind.ACKNOWLEDGEMENT, order.acknowledgement(CertificationTokens.newTokenId(), orderDigest, at),
                operator, edits, signers);
        TokenContent returned = order.returnOf(CertificationTokens.newTokenId(), orderDigest, output,
                List.of("SHA256withECDSA"), at);
        byte[] returnToken = add(TokenKind.RETURN, returned, operator, edits, signers);
        byte[] countersignature = add(TokenKind.COUNTERSIGNATURE, returned.countersignature(
                CertificationTokens.newTokenId(), CertificationTokens.digestOf(returnToken), at), SERVER, edits, signers);
        previousCountersignature = CertificationTokens.digestOf(countersignature);
        input = output;
        return this;
    }

    private byte[] add(TokenKind kind, TokenContent content, Party signer,
                       Map<TokenKind, Consumer<Map<String, Object>>> edits, Map<TokenKind, Party> signers) {
        TokenContent edited = content;
        if (edits.containsKey(kind)) {
            edited = edit(content, edits.get(kind));
        }
        byte[] token = CertificationTokens.sign(edited, signers.getOrDefault(kind, signer).signer());
        tokens.add(token);
        contents.add(edited);
        return token;
    }

    /** The content with JSON fields changed. */
    static TokenContent edit(TokenContent content, Consumer<Map<String, Object>> change) {
        Map<String, Object> json = new LinkedHashMap<>(CanonicalJson.parse(content.toJson()));
        change.accept(json);
        return TokenContent.fromJson(CanonicalJson.write(json));
    }
}
