package dev.eksip.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8 item 13: a name from AWS (an Auto Scaling group may be named with a newline, a tab, an ANSI escape or a
 * bidi control) is shown to people as visible {@code \}{@code uXXXX} escapes, never raw.
 */
class PrintableTest {
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
            "0000", "0009", "000A", "000D", "001B", "001F",   // C0 controls: NUL, tab, newline, CR, ESC, US
            "007F",                                           // DEL
            "0080", "0085", "009B", "009F",                   // C1 controls (NEL, CSI)
            "200E", "200F",                                   // LRM, RLM
            "202A", "202B", "202C", "202D", "202E",           // LRE, RLE, PDF, LRO, RLO
            "2066", "2067", "2068", "2069"                    // LRI, RLI, FSI, PDI
    })
    void everyControlAndBidiCharacterBecomesAVisibleEscape(String hex) {
        String c = String.valueOf((char) Integer.parseInt(hex, 16));
        assertThat(Printable.escape("a" + c + "b")).isEqualTo("a\\u" + hex + "b");
    }

    @Test
    void anAnsiColouredMultiLineNameStaysOnOneVisibleLine() {
        String name = "web\n\u001B[31mFAKE ALERT\u001B[0m\tx\u202Egpj.exe";
        assertThat(Printable.escape(name))
                .isEqualTo("web\\u000A\\u001B[31mFAKE ALERT\\u001B[0m\\u0009x\\u202Egpj.exe")
                .doesNotContain("\n", "\t", "\u001B", "\u202E");
    }

    @Test
    void printableTextIsReturnedUnchanged() {
        String plain = "eks-web-1a2b/ng_ü €漢字 \\u000A \uD83D\uDE80";
        assertThat(Printable.escape(plain)).isSameAs(plain);
        assertThat(Printable.escape("")).isEmpty();
    }

    @Test
    void neighbouringCharactersThatAreNotControlsStay() {
        // U+200D (zero-width joiner), U+2029 and U+2065 (unassigned) are outside the escaped set
        assertThat(Printable.escape("\u200D\u2065\u206A\u2029")).isEqualTo("\u200D\u2065\u206A\u2029");
        assertThat(Printable.escape("\u00A0")).isEqualTo("\u00A0");
    }
}
