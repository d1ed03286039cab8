package org.domicile.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.domicile.certification.json.Json;

/**
 * The simulated phones of the embedded default: the local SMS outbox, read as a user reads his
 * phone (the {@code /outbox} page) or, for whole-run checks, as the file the server appends to.
 */
public final class Outbox {

    /** The first six-digit number in a message body on the page (newest message first). */
    private static final Pattern CODE = Pattern.compile("<td class=\"body\">[^<]*?(?<!\\d)(\\d{6})(?!\\d)");

    private Outbox() {
    }

    /** The newest code sent to this number, as the {@code /outbox} page shows it. */
    public static String latestCode(Api api, String mobile) {
        var page = api.get("/outbox?to=" + URLEncoder.encode(mobile, StandardCharsets.UTF_8), null);
        var code = CODE.matcher(page.body());
        if (page.status() != 200 || !code.find()) {
            throw new AssertionError("no code for " + mobile + " in the outbox (" + page.status() + ")");
        }
        return code.group(1);
    }

    /** One text message: to whom, what it says, and the sender's reference. */
    public record Message(String to, String body, String reference) {
    }

    /** Every message the server's local outbox holds, oldest first (torn lines of a killed writer skipped). */
    public static List<Message> all(ServerProcess server) {
        Path file = server.dataDir().resolve("outbox").resolve("sms.jsonl");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var messages = new ArrayList<Message>();
        for (String line : lines) {
            try {
                Map<String, Object> m = Json.parseObject(line);
                messages.add(new Message((String) m.get("to"), (String) m.get("body"), (String) m.get("reference")));
            } catch (IllegalArgumentException tornLine) {
                // a writer killed mid-line; the outbox skips it too
            }
        }
        return messages;
    }
}
