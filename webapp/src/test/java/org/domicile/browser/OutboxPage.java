package org.domicile.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the local outbox page ({@code /outbox}): one {@code <tr class="sms">} per text message,
 * newest first, with cells {@code at}, {@code to} and {@code body}.
 */
final class OutboxPage {

    private static final Pattern ROW = Pattern.compile(
            "<tr\\b[^>]*\\bclass=\"[^\"]*\\bsms\\b[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");

    /** One message as the page shows it (text without tags; entities as written). */
    record Message(String at, String to, String body) {
        /** The 6-digit code in the message text, if any. */
        Optional<String> code() {
            Matcher m = CODE.matcher(body);
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        }
    }

    private OutboxPage() {
    }

    static List<Message> parse(String html) {
        var messages = new ArrayList<Message>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String cells = row.group(1);
            messages.add(new Message(cell(cells, "at"), cell(cells, "to"), cell(cells, "body")));
        }
        return messages;
    }

    private static String cell(String rowHtml, String cssClass) {
        Matcher m = Pattern.compile("<td\\b[^>]*\\bclass=\"[^\"]*\\b" + cssClass + "\\b[^\"]*\"[^>]*>(.*?)</td>",
                Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(rowHtml);
        return m.find() ? m.group(1).replaceAll("<[^>]*>", "").strip() : "";
    }
}
