package org.domicile.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.domicile.certification.json.Json;

/**
 * The simulated phones: follows the server's local SMS outbox (one JSON object per line: id, at, to, body,
 * reference; newest last) from one thread and hands the code of each new message to the mailbox of its
 * number, so that the virtual users do not each re-read the file. Only messages that carry a code count
 * (the word "code" and six digits); notices without one are skipped. Codes are never printed.
 */
final class OutboxTail implements Runnable {

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private record Message(Instant at, String code) {
    }

    private final Path file;
    private final Map<String, LinkedBlockingDeque<Message>> mailboxes = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this, "outbox-tail");
    private volatile boolean running = true;
    private long position;

    OutboxTail(Path file) {
        this.file = file;
        thread.setDaemon(true);
    }

    void start() throws IOException {
        // Start at the current end: older messages belong to earlier runs.
        position = Files.exists(file) ? Files.size(file) : 0;
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(2000);
    }

    /** Drops what arrived for this number, before a request that sends a new code. */
    void forget(String number) {
        mailbox(number).clear();
    }

    /** The code of the newest message to this number written at or after {@code since}; null after the timeout. */
    String awaitCode(String number, Instant since, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        var box = mailbox(number);
        while (true) {
            long left = end - System.nanoTime();
            Message m = left <= 0 ? null : box.pollFirst(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                return null;
            }
            for (Message more; (more = box.pollFirst()) != null; ) {
                m = more; // newest wins, e.g. after a late line from the previous request
            }
            if (!m.at.isBefore(since.minusMillis(5))) {
                return m.code;
            }
        }
    }

    private LinkedBlockingDeque<Message> mailbox(String number) {
        return mailboxes.computeIfAbsent(number, n -> new LinkedBlockingDeque<>());
    }

    @Override
    public void run() {
        var partial = new StringBuilder();
        byte[] buffer = new byte[64 * 1024];
        while (running) {
            try {
                long size = Files.exists(file) ? Files.size(file) : 0;
                if (size <= position) {
                    Thread.sleep(1);
                    continue;
                }
                try (var in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(position);
                    var bytes = new ByteArrayOutputStream();
                    int n;
                    while (position < size && (n = in.read(buffer, 0, (int) Math.min(buffer.length,
                            size - position))) > 0) {
                        bytes.write(buffer, 0, n);
                        position += n;
                    }
                    partial.append(bytes.toString(StandardCharsets.UTF_8));
                }
                int newline;
                while ((newline = partial.indexOf("\n")) >= 0) {
                    deliver(partial.substring(0, newline));
                    partial.delete(0, newline + 1);
                }
            } catch (IOException e) {
                System.err.println("Cannot read the outbox " + file + ": " + e.getMessage());
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliver(String line) {
        Map<?, ?> message;
        try {
            message = Json.parse(line) instanceof Map<?, ?> map ? map : Map.of();
        } catch (IllegalArgumentException e) {
            return; // a torn or foreign line
        }
        if (!(message.get("to") instanceof String to && message.get("body") instanceof String body
                && message.get("at") instanceof String at) || !body.toLowerCase(Locale.ROOT).contains("code")) {
            return;
        }
        Matcher code = CODE.matcher(body);
        if (code.find()) {
            try {
                mailbox(to).addLast(new Message(Instant.parse(at), code.group(1)));
            } catch (RuntimeException e) {
                // an unreadable time stamp: not a line the server wrote
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
