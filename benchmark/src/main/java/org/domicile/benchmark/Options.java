package org.domicile.benchmark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value}, with bounds checked and a clear message (exit
 * code 2) for anything else.
 */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final String usage;

    private Options(String usage) {
        this.usage = usage;
    }

    /** Reads {@code args}; every name must be one of {@code known}. */
    static Options parse(String[] args, Set<String> known, String usage) {
        Options options = new Options(usage);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !known.contains(args[i].substring(2))) {
                throw fail("Usage: " + usage);
            }
            options.values.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    int integer(String name, int fallback, int min, int max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail("--" + name + " must be a whole number from " + min + " to " + max + "; usage: " + usage);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A path, or null when not given. */
    Path path(String name) {
        String text = values.get(name);
        return text == null || text.isBlank() ? null : Path.of(text);
    }

    /** Reports {@code message} on standard error and ends the program with exit code 2. */
    static RuntimeException fail(String message) {
        System.err.println(message);
        System.exit(2);
        return new IllegalStateException(message); // not reached
    }
}
