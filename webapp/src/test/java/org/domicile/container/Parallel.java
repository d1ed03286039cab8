package org.domicile.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Several calls released at the same instant on the server's managed threads, as parallel requests would be. */
final class Parallel {
    private Parallel() {
    }

    /** What one of the parallel calls gave: a value or an error. */
    record Outcome<T>(T value, Throwable error) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** Runs {@code calls} together and waits for all of them. */
    @SafeVarargs
    static <T> List<Outcome<T>> together(Callable<T>... calls) throws NamingException, InterruptedException {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        var ready = new CountDownLatch(calls.length);
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        for (Callable<T> call : calls) {
            futures.add(executor.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertTrue(ready.await(30, TimeUnit.SECONDS), "the threads started");
        go.countDown();
        var out = new ArrayList<Outcome<T>>();
        for (Future<T> f : futures) {
            try {
                out.add(new Outcome<>(f.get(60, TimeUnit.SECONDS), null));
            } catch (ExecutionException e) {
                out.add(new Outcome<>(null, e.getCause()));
            } catch (TimeoutException e) {
                out.add(new Outcome<>(null, e));
            }
        }
        return out;
    }

    /** The same call {@code n} times together. */
    @SuppressWarnings("unchecked")
    static <T> List<Outcome<T>> times(int n, Callable<T> call) throws NamingException, InterruptedException {
        Callable<T>[] calls = new Callable[n];
        java.util.Arrays.fill(calls, call);
        return together(calls);
    }

    /** "ok" or the exception chain of each outcome, for failure messages. */
    static String describe(List<? extends Outcome<?>> outcomes) {
        return outcomes.stream().map(o -> o.succeeded() ? "ok" : chain(o.error())).toList().toString();
    }

    private static String chain(Throwable t) {
        var b = new StringBuilder(t.getClass().getSimpleName());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append(" <- ").append(c.getClass().getSimpleName());
        }
        return b.append(": ").append(t.getMessage()).toString();
    }
}
