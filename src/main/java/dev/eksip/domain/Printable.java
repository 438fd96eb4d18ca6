package dev.eksip.domain;

/**
 * Text from AWS (names, tags, error messages) made safe to show to people: an Auto Scaling group may be named with
 * a newline, a tab, an ANSI escape or a bidi control, which would forge lines or reorder text in a terminal, a
 * table or an e-mail. Machine forms (JSON, metrics) keep the exact value; every human-facing output escapes it.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * {@code text} with every C0 control (U+0000–U+001F, tab and newline included), DEL, C1 control
     * (U+0080–U+009F) and bidi control (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) written as a visible
     * {@code \}{@code uXXXX} (four upper-case hex digits); the same string when there is none.
     */
    public static String escape(String text) {
        int first = 0;
        while (first < text.length() && !escaped(text.charAt(first))) first++;
        if (first == text.length()) return text;
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped(c)) out.append("\\u%04X".formatted((int) c));
            else out.append(c);
        }
        return out.toString();
    }

    private static boolean escaped(char c) {
        return Character.isISOControl(c)                  // U+0000–U+001F, U+007F–U+009F
               || c == '\u200E' || c == '\u200F'
               || (c >= '\u202A' && c <= '\u202E')
               || (c >= '\u2066' && c <= '\u2069');
    }
}
