package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineAssemblyBlankerTest {

    /** {@code before + asm + after} must become {@code before + asm-as-spaces + after}. */
    private static void assertBlanked(String before, String asm, String after) {
        String blanked = InlineAssemblyBlanker.blank(before + asm + after);
        assertThat(blanked).isEqualTo(before + spaces(asm) + after);
    }

    /** Spaces for every character but line ends and the backslash of a continuation. */
    private static String spaces(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean continuation = c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            out.append(c == '\n' || c == '\r' || continuation ? c : ' ');
        }
        return out.toString();
    }

    @Test
    void blocksAreBlankedWithTheirLineEnds() {
        assertBlanked("a; ", "__asm {\r\n mov eax, 1 ; } comment\r\n}", "\r\nb;");
    }

    @Test
    void aBlockMayOpenOnTheNextLine() {
        assertBlanked("", "_asm\n{\n nop\n}", "\nx;");
    }

    @Test
    void theOneLineFormEndsAtTheLineEndOrAnUnmatchedBrace() {
        assertBlanked("", "__asm mov eax, 1", "\nx;");
        assertBlanked("{ ", "__asm int 3 ", "}");
        assertBlanked("", "__asm int 3 ; done }", "\n");
    }

    @Test
    void macroContinuationsSurvive() {
        assertBlanked("#define B ", "__asm { \\\n int 3 \\\n }", "\nx;");
        assertThat(spaces("a \\\nb")).isEqualTo("  \\\n ");
    }

    @Test
    void commentsStringsGnuAsmAndLongerIdentifiersAreLeftAlone() {
        String text = "// __asm { }\n/* _asm */ char *s = \"__asm {\"; __asm__(\"nop\"); __asm(\"nop\"); int my__asm = 1;";
        assertThat(InlineAssemblyBlanker.blank(text)).isSameAs(text);
    }
}
