package dev.eksip.domain;

/**
 * Makes text from AWS (cluster, node group, ASG names; free-form tags) safe to print for a human: every character
 * a terminal or mail reader would act on or hide instead of showing is replaced by its visible escape
 * {@code \}{@code uXXXX} (one per UTF-16 unit). Escaped: control characters (C0 including tab and line breaks,
 * DEL, C1 including the ANSI CSI), the bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069),
 * every other invisible format character (Unicode category Cf: zero-width spaces and joiners, the BOM, tag
 * characters), the line and paragraph separators U+2028/U+2029 and unpaired surrogates. Everything else, other
 * scripts and backslashes included, is kept as is, so ordinary names print unchanged. Machine-readable forms (JSON)
 * keep the exact name and do not use this.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} with every unprintable character replaced by {@code \}{@code uXXXX}. */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && printable(text, i)) i += Character.charCount(text.codePointAt(i));
        if (i == text.length()) return text;
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (printable(text, i)) out.append(text, i, i + n);
            else for (int k = i; k < i + n; k++) out.append("\\u%04X".formatted((int) text.charAt(k)));
            i += n;
        }
        return out.toString();
    }

    private static boolean printable(String text, int index) {
        int cp = text.codePointAt(index);
        if (Character.isISOControl(cp)) return false;
        if (Character.isSurrogate((char) cp)) return false;   // unpaired: codePointAt returned the lone unit
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
