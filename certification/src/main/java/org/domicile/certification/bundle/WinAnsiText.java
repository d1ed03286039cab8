package org.domicile.certification.bundle;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** Reduces text to what a standard 14 font can show with WinAnsi encoding. */
final class WinAnsiText {

    /** Letters without a decomposition that still have an obvious WinAnsi stand-in. */
    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"), Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'đ', "d"), Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ŀ', "l"),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2212, "-"),
            Map.entry(0x2032, "'"), Map.entry(0x2033, "\""));

    private WinAnsiText() {
    }

    /**
     * Keeps the characters the font can encode in WinAnsi; others lose their accents if that makes them
     * encodable (e.g. "ő" becomes "o"), or become "?".
     */
    static String sanitize(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (encodable(ch, font)) {
                out.append(ch);
            } else if (LOOK_ALIKES.containsKey(cp)) {
                out.append(LOOK_ALIKES.get(cp));
            } else {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
                out.append(!base.isEmpty() && base.codePoints().allMatch(b -> encodable(Character.toString(b), font))
                        ? base : "?");
            }
        });
        return out.toString();
    }

    private static boolean encodable(String ch, PDType1Font font) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
