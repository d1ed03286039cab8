package org.domicile.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * What the workers measured in one phase: the timings of what they completed (correspondences, logins) and
 * the errors, counted.
 *
 * @param <T> one completed unit's timing
 */
final class Measurements<T> {

    private final List<T> timings = new ArrayList<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private volatile double seconds;

    synchronized void add(T timing) {
        timings.add(timing);
    }

    void error(String message) {
        errors.computeIfAbsent(message, m -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts the error of a worker's try, then pauses that worker: a refusing server is not hammered in a loop. */
    void failed(String message) {
        error(message);
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    void finished(double wallSeconds) {
        seconds = wallSeconds;
    }

    synchronized int completed() {
        return timings.size();
    }

    int errorCount() {
        return errors.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Each error message with how often it happened, sorted by message. */
    Map<String, Integer> errors() {
        Map<String, Integer> sorted = new TreeMap<>();
        errors.forEach((message, count) -> sorted.put(message, count.get()));
        return sorted;
    }

    double seconds() {
        return seconds;
    }

    double perSecond() {
        return seconds > 0 ? completed() / seconds : 0;
    }

    /** Nearest-rank percentile {@code p} (0-100) of a duration, in milliseconds; 0 without timings. */
    synchronized double percentileMillis(ToLongFunction<T> duration, double p) {
        long[] values = timings.stream().mapToLong(duration).toArray();
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int index = (int) Math.ceil(p / 100.0 * values.length) - 1;
        return values[Math.max(0, Math.min(values.length - 1, index))] / 1e6;
    }

    /** The mean of a count over the timings (0 without timings). */
    synchronized double mean(ToIntFunction<T> count) {
        return timings.stream().mapToInt(count).average().orElse(0);
    }

    /** "median p99 max" of a duration, in milliseconds, in columns. */
    String summary(ToLongFunction<T> duration) {
        return String.format(Locale.ROOT, "%8.1f   %8.1f   %8.1f", percentileMillis(duration, 50),
                percentileMillis(duration, 99), percentileMillis(duration, 100));
    }
}
