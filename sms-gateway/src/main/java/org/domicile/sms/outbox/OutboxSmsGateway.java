package org.domicile.sms.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.domicile.sms.PhoneMask;
import org.domicile.sms.SmsException;
import org.domicile.sms.SmsGateway;
import org.domicile.sms.SmsMessage;
import org.domicile.sms.SmsReceipt;
import org.domicile.sms.SmsStatus;

/**
 * The simulated phone of a developer machine: every message is appended as one JSON line to a file
 * in the data folder, and {@link #latest(int)} / {@link #latestFor(String, int)} read them back for
 * the page that shows them. Nothing leaves the machine.
 *
 * <p>Safe for several threads and several processes appending to the same file.
 */
public final class OutboxSmsGateway implements SmsGateway {

    public static final String NAME = "outbox";

    private static final System.Logger LOG = System.getLogger(OutboxSmsGateway.class.getName());

    // FileChannel.lock() guards against other processes only: a second lock on the same file from this
    // JVM throws OverlappingFileLockException. So threads (and gateway instances) of one JVM queue here first.
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Clock clock;
    private final ReentrantLock jvmLock;

    /** An outbox stamping messages with the system clock in UTC. */
    public OutboxSmsGateway(Path file) {
        this(file, Clock.systemUTC());
    }

    /**
     * @param file  the JSON-lines file; it and its parent folders are created on first send
     * @param clock stamps each entry
     */
    public OutboxSmsGateway(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "outbox file").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The file messages are appended to. */
    public Path file() {
        return file;
    }

    /**
     * Appends the message and forces it to disk before returning, so a page reading the outbox
     * right after sees it even if the process dies. The receipt says DELIVERED: the outbox is the phone.
     */
    @Override
    public SmsReceipt send(SmsMessage message) throws SmsException {
        Objects.requireNonNull(message, "message");
        String id = "outbox-" + UUID.randomUUID();
        OutboxEntry entry = new OutboxEntry(id, clock.instant(), message.to(), message.body(), message.reference());
        byte[] line = (entry.toJsonLine() + "\n").getBytes(UTF_8);
        try {
            append(line);
        } catch (IOException e) {
            throw new SmsException(SmsException.Kind.UNAVAILABLE,
                    "Could not append to the SMS outbox " + file + ": " + e, e);
        }
        LOG.log(System.Logger.Level.INFO, "SMS to {0} (reference {1}) written to the outbox as {2}",
                PhoneMask.mask(message.to()), message.reference(), id);
        return new SmsReceipt(id, SmsStatus.DELIVERED);
    }

    private void append(byte[] line) throws IOException {
        Path parent = file.getParent();
        // createDirectories throws and catches an exception when the folder exists: look first.
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            long end = channel.size();
            ByteBuffer buffer;
            if (end > 0 && lastByte(channel, end) != '\n') {
                // A previous writer died mid-line: end that torn line so it is skipped alone,
                // instead of gluing this message onto it and losing both.
                buffer = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip();
            } else {
                buffer = ByteBuffer.wrap(line);
            }
            long position = end;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
        } finally {
            jvmLock.unlock();
        }
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        while (one.hasRemaining()) {
            if (channel.read(one, size - 1) < 0) {
                return '\n';
            }
        }
        return one.get(0);
    }

    /**
     * The most recent messages, newest first.
     *
     * @param limit at most this many; 0 gives an empty list
     * @return an empty list if nothing was sent yet; unreadable lines are skipped
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public List<OutboxEntry> latest(int limit) {
        return read(limit, entry -> true);
    }

    /**
     * The most recent messages sent to one number, newest first.
     *
     * @param to    the recipient, E.164, compared exactly
     * @param limit at most this many; 0 gives an empty list
     */
    public List<OutboxEntry> latestFor(String to, int limit) {
        Objects.requireNonNull(to, "to");
        return read(limit, entry -> entry.to().equals(to));
    }

    private List<OutboxEntry> read(int limit, Predicate<OutboxEntry> filter) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must be zero or more, got " + limit + ".");
        }
        if (limit == 0) {
            return List.of();
        }
        // The file is in append order, so newest is last; keep a sliding window of the last `limit` matches.
        ArrayDeque<OutboxEntry> newestFirst = new ArrayDeque<>();
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                OutboxEntry entry = OutboxEntry.fromJsonLine(line);
                if (entry == null || !filter.test(entry)) {
                    continue;
                }
                newestFirst.addFirst(entry);
                if (newestFirst.size() > limit) {
                    newestFirst.removeLast();
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the SMS outbox " + file, e);
        }
        return List.copyOf(newestFirst);
    }

    @Override
    public String toString() {
        return "OutboxSmsGateway[" + file + "]";
    }
}
