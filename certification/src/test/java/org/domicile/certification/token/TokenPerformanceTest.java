package org.domicile.certification.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.domicile.certification.cms.CmsVerifier;
import org.domicile.certification.cms.TestPki;
import org.domicile.certification.trust.TrustLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Smoke measurement, not a benchmark: prints signs/s and verifies/s for 2000 tokens; asserts no time. */
class TokenPerformanceTest {

    private static final int TOKENS = 2000;
    private static final int UNCACHED = 1000;
    private static final int WARM_UP = 4000; // BouncyCastle's EC code needs ~10^4 calls to be JIT-compiled

    @Test
    @DisplayName("performance smoke: CmsSigner and CmsVerifier (with certificate cache) on 2000 tokens, one thread")
    void signAndVerify() {
        CmsVerifier verifier = new CmsVerifier(TestPki.ca().certificate());
        List<TokenContent> contents = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            contents.add(TokenContent.order(CertificationTokens.newTokenId(), "corr-" + i, "SEAL", "op-seal",
                    TrustLevel.SUBSTANTIAL, ChainFixture.FIRST_INPUT, "", Instant.now(), null, ChainFixture.ALGORITHMS));
        }
        for (int i = 0; i < WARM_UP; i++) {
            CertificationTokens.open(CertificationTokens.sign(contents.get(i % TOKENS), ChainFixture.SERVER.signer()), verifier);
        }

        List<byte[]> tokens = new ArrayList<>(TOKENS);
        long start = System.nanoTime();
        for (int i = 0; i < TOKENS; i++) {
            tokens.add(CertificationTokens.sign(contents.get(i), ChainFixture.SERVER.signer()));
        }
        long signed = System.nanoTime();
        for (int i = 0; i < TOKENS; i++) {
            assertEquals("corr-" + i, CertificationTokens.open(tokens.get(i), verifier).content().correspondence());
        }
        long verified = System.nanoTime();

        // For comparison: without the cache (a new verifier per call parses and checks the certificate each time).
        long coldStart = System.nanoTime();
        for (int i = 0; i < UNCACHED; i++) {
            new CmsVerifier(TestPki.ca().certificate()).verify(tokens.get(i));
        }
        long coldEnd = System.nanoTime();

        System.out.printf(Locale.ROOT, "PERF after %d warm-up rounds, %d tokens, 1 thread: sign=%.0f/s, "
                        + "open (CMS verify with cached signer certificate + JSON parse)=%.0f/s, token size=%d bytes; "
                        + "CMS verify without the cache=%.0f/s%n", WARM_UP,
                TOKENS, TOKENS / ((signed - start) / 1e9), TOKENS / ((verified - signed) / 1e9), tokens.get(0).length,
                UNCACHED / ((coldEnd - coldStart) / 1e9));
    }
}
