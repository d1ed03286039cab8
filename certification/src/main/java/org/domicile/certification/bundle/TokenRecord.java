package org.domicile.certification.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a certification token as read from its signed JSON, with the file it came from and the chain
 * digest of its bytes.
 */
record TokenRecord(String file, String digest, String answers, String correspondence, String input,
                   Instant issuedAt, String issuer, String kind, String operator, String output,
                   String previous, String step) {

    static final Set<String> KEYS = Set.of("algorithms", "answers", "correspondence", "deadline", "input",
            "issuedAt", "issuer", "kind", "level", "operator", "output", "previous", "step", "tokenId", "version");

    /** Reads the token JSON; every deviation from the format is added to {@code problems}. */
    static TokenRecord read(String file, byte[] der, Map<String, Object> json, List<String> problems) {
        JsonFields f = new JsonFields(json, KEYS);
        f.texts("algorithms");
        f.time("deadline", true);
        f.text("level");
        f.nonEmpty("tokenId");
        f.version();
        TokenRecord token = new TokenRecord(file, Digests.sha256Hex(der), f.sha256("answers", true),
                f.nonEmpty("correspondence"), f.hex("input"), f.time("issuedAt", false), f.nonEmpty("issuer"),
                f.oneOf("kind", BundleLayout.KINDS), f.nonEmpty("operator"), f.hex("output"),
                f.sha256("previous", true), f.oneOf("step", BundleLayout.STEPS));
        problems.addAll(f.problems());
        return token;
    }
}
