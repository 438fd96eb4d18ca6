package dev.eksip.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void ordinaryNamesAreUnchanged() {
        String plain = "web-prod_ng.2 Zürich 東京 \\ back";
        assertThat(Printable.escape(plain)).isSameAs(plain);
    }

    @Test
    void controlCharactersLineBreaksAndAnsiEscapesBecomeVisible() {
        assertThat(Printable.escape("a\nb\tc\r\u001b[31mred\u007f\u0085")).isEqualTo(
                "a\\u000Ab\\u0009c\\u000D\\u001B[31mred\\u007F\\u0085");
    }

    @Test
    void bidiControlsAndInvisibleFormatCharactersBecomeVisible() {
        assertThat(Printable.escape("prod\u202egnp.exe\u2066x\u2069\u200e\u200f\u061c\u200b\ufeff\u2028\u2029"))
                .isEqualTo("prod\\u202Egnp.exe\\u2066x\\u2069\\u200E\\u200F\\u061C\\u200B\\uFEFF\\u2028\\u2029");
    }

    @Test
    void invisibleSupplementaryCharactersAndLoneSurrogatesBecomeVisible() {
        assertThat(Printable.escape("tag\udb40\udc01 😀 lone\ud800")).isEqualTo("tag\\uDB40\\uDC01 😀 lone\\uD800");
    }
}
