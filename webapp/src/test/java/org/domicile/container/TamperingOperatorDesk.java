package org.domicile.container;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.domicile.certification.ca.CertificateProfile;
import org.domicile.certification.cms.CmsSigner;
import org.domicile.certification.cms.Sha256;
import org.domicile.certification.signing.Crypto;
import org.domicile.certification.token.CertificationTokens;
import org.domicile.certification.token.TokenContent;
import org.domicile.certification.token.TokenKind;
import org.domicile.certification.token.VerifiedToken;
import org.domicile.chain.application.OperatorDesk;
import org.domicile.operators.domain.ProcessingStep;
import org.domicile.platform.TimeSource;
import org.domicile.platform.TimeSourceClock;
import org.domicile.trust.application.CertificationServer;

/**
 * The operators' desk of the server under test: the built-in operators, unless a test tells it to
 * misbehave for ONE correspondence at ONE step — return a RETURN that breaks a rule of the
 * specification, sign it with a key that is not the operator's, stop at the step until the test
 * lets it go, or break off (as an unreachable operator would) a given number of times. Every other correspondence (other tests' included) is served as usual. A globally
 * enabled alternative, like {@link MovableTimeSource}.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TamperingOperatorDesk extends OperatorDesk {

    /** How a RETURN is spoiled. */
    public enum Tamper {
        /** An algorithm the operator's specification does not allow. */
        FORBIDDEN_ALGORITHM,
        /** An output digest that is not the digest of what was stored. */
        WRONG_OUTPUT,
        /** Issued a day after the order, long past the step's deadline. */
        LATE,
        /** Names another step than the one ordered. */
        WRONG_STEP,
        /** Signed with a key certified by the same CA, but not the operator's registered one. */
        FOREIGN_KEY
    }

    private record Target(String correspondenceId, ProcessingStep step) {
        boolean matches(ProcessingStep s, VerifiedToken order) {
            return step == s && correspondenceId.equals(order.content().correspondence());
        }
    }

    private record Spoil(Target target, Tamper how) {
    }

    private record Breakdown(Target target, AtomicInteger left) {
    }

    private record Hold(Target target, AtomicBoolean armed, CountDownLatch reached, CountDownLatch release) {
    }

    @Inject
    CertificationServer server;

    @Inject
    TimeSource clock;

    private final AtomicReference<Spoil> spoil = new AtomicReference<>();
    private final AtomicReference<Hold> hold = new AtomicReference<>();
    private final AtomicReference<Breakdown> breakdown = new AtomicReference<>();
    private final ThreadLocal<Boolean> foreignSignature = ThreadLocal.withInitial(() -> false);
    private volatile CmsSigner impostor;

    /** From now on, the RETURN of {@code step} for this correspondence is spoiled {@code how}. */
    public void spoil(String correspondenceId, ProcessingStep step, Tamper how) {
        spoil.set(new Spoil(new Target(correspondenceId, step), how));
    }

    /**
     * The first operator that receives the ORDER of {@code step} for this correspondence waits
     * there (inside the step's transaction) until {@link #release()}; later ones pass.
     */
    public void holdAt(String correspondenceId, ProcessingStep step) {
        release();
        hold.set(new Hold(new Target(correspondenceId, step), new AtomicBoolean(true), new CountDownLatch(1),
                new CountDownLatch(1)));
    }

    /** Whether the held step was reached within {@code timeout}. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        Hold h = hold.get();
        return h != null && h.reached().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held step go on. */
    public void release() {
        Hold h = hold.getAndSet(null);
        if (h != null) {
            h.armed().set(false);
            h.release().countDown();
        }
    }

    /** The operator of {@code step} breaks off on receiving the ORDER for this correspondence, the next {@code times} times. */
    public void breakOff(String correspondenceId, ProcessingStep step, int times) {
        breakdown.set(new Breakdown(new Target(correspondenceId, step), new AtomicInteger(times)));
    }

    /** Back to an honest desk; a held step goes on. */
    public void reset() {
        spoil.set(null);
        breakdown.set(null);
        release();
    }

    @Override
    public VerifiedToken receive(ProcessingStep step, byte[] order) {
        VerifiedToken opened = super.receive(step, order);
        Breakdown b = breakdown.get();
        if (b != null && b.target().matches(step, opened) && b.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the " + step + " operator did not answer (connection reset)");
        }
        Hold h = hold.get();
        if (h != null && h.target().matches(step, opened) && h.armed().compareAndSet(true, false)) {
            h.reached().countDown();
            try {
                // Bounded, so that a failed test cannot leave a worker thread stuck for good.
                h.release().await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return opened;
    }

    @Override
    protected TokenContent returnContent(ProcessingStep step, VerifiedToken order, String outputDigest,
                                         List<String> algorithms, Instant now) {
        Spoil s = spoil.get();
        if (s == null || !s.target().matches(step, order)) {
            return super.returnContent(step, order, outputDigest, algorithms, now);
        }
        TokenContent o = order.content();
        String id = CertificationTokens.newTokenId();
        return switch (s.how()) {
            case FORBIDDEN_ALGORITHM -> {
                var more = new ArrayList<>(algorithms);
                more.add("MD5");
                yield o.returnOf(id, order.digest(), outputDigest, more, now);
            }
            case WRONG_OUTPUT -> o.returnOf(id, order.digest(),
                    Sha256.hexOf("not what was stored".getBytes(StandardCharsets.UTF_8)), algorithms, now);
            case LATE -> o.returnOf(id, order.digest(), outputDigest, algorithms, now.plus(Duration.ofDays(1)));
            case WRONG_STEP -> new TokenContent(id, TokenKind.RETURN, o.correspondence(), otherThan(step).name(),
                    o.operator(), o.operator(), o.level(), o.input(), outputDigest, o.previous(), order.digest(), now,
                    o.deadline(), algorithms);
            case FOREIGN_KEY -> {
                foreignSignature.set(true);
                yield super.returnContent(step, order, outputDigest, algorithms, now);
            }
        };
    }

    @Override
    protected CmsSigner signer(ProcessingStep step) {
        if (foreignSignature.get()) {
            foreignSignature.remove();
            return impostor();
        }
        return super.signer(step);
    }

    private static ProcessingStep otherThan(ProcessingStep step) {
        return step == ProcessingStep.SEAL ? ProcessingStep.TIMESTAMP : ProcessingStep.SEAL;
    }

    /** A key pair of nobody registered, with a signing certificate from the service's own CA. */
    private CmsSigner impostor() {
        CmsSigner s = impostor;
        if (s == null) {
            var keys = Crypto.newEcKeyPair();
            var cert = server.ca().issue("Impostor operator", keys.getPublic(), CertificateProfile.SIGNING,
                    Duration.ofDays(30));
            s = new CmsSigner(keys.getPrivate(), cert, new TimeSourceClock(clock));
            impostor = s;
        }
        return s;
    }
}
