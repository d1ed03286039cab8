package org.domicile.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run as {@code name=value} lines, for deploy/benchmark.sh to put side by side. Numbers
 * are written with a dot, whatever the locale.
 */
final class ResultFile {

    private final Map<String, String> values = new LinkedHashMap<>();

    ResultFile put(String name, double value) {
        values.put(name, String.format(Locale.ROOT, "%.3f", value));
        return this;
    }

    ResultFile put(String name, long value) {
        values.put(name, Long.toString(value));
        return this;
    }

    /** Writes the lines to {@code file}; does nothing when it is null. */
    void writeTo(Path file) {
        if (file == null) {
            return;
        }
        var out = new StringBuilder();
        values.forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result file " + file, e);
        }
    }
}
