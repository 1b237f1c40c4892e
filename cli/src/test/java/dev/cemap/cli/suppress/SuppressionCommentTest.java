package dev.cemap.cli.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionCommentTest {

    private static final Path FILE = Path.of("/bsp/drivers/uart.c").toAbsolutePath();

    private static List<SuppressionComment> read(String... lines) {
        return SuppressionComment.in(FILE, SourceComments.of(String.join("\n", lines) + "\n"));
    }

    @Test
    void aCommentBesideCodeCoversItsOwnLine() {
        List<SuppressionComment> found = read(
                "void f(void) {",
                "    VirtualCopy(p, src, 0x1000, PAGE_READWRITE); // cemap-suppress physical-flag-missing: src is virtual",
                "}");

        assertThat(found).singleElement().satisfies(comment -> {
            assertThat(comment.targetLine()).isEqualTo(2);
            assertThat(comment.ruleIds()).containsExactly("physical-flag-missing");
            assertThat(comment.reason()).isEqualTo("src is virtual");
            assertThat(comment.problem()).isEmpty();
            assertThat(comment.location().line()).isEqualTo(2);
            assertThat(comment.location().column()).isEqualTo(50);
        });
    }

    @Test
    void aCommentAloneCoversTheNextLineOfCodePastStackedComments() {
        List<SuppressionComment> found = read(
                "    // cemap-suppress missing-nocache: frame buffer, cached on purpose",
                "    /* cemap-suppress unmap-size-mismatch, mapping-leak:",
                "     * released by the display driver */",
                "    // an ordinary comment",
                "    p = MmMapIoSpace(pa, size, TRUE);");

        assertThat(found).extracting(SuppressionComment::targetLine).containsExactly(5, 5);
        assertThat(found.get(1).ruleIds()).containsExactly("unmap-size-mismatch", "mapping-leak");
        assertThat(found.get(1).reason()).isEqualTo("released by the display driver");
    }

    @Test
    void aBlankLineEndsTheReachOfASuppression() {
        List<SuppressionComment> found = read(
                "// cemap-suppress missing-nocache: stale",
                "",
                "p = MmMapIoSpace(pa, size, TRUE);");

        assertThat(found).singleElement().extracting(SuppressionComment::targetLine).isEqualTo(2);
    }

    @Test
    void aBlockCommentBeforeCodeCoversThatLine() {
        List<SuppressionComment> found = read("/* cemap-suppress missing-nocache */ p = MmMapIoSpace(pa, 4, TRUE);");

        assertThat(found).singleElement().satisfies(comment -> {
            assertThat(comment.targetLine()).isEqualTo(1);
            assertThat(comment.reason()).isEmpty();
        });
    }

    @Test
    void textInsideStringAndCharacterLiteralsIsNotAComment() {
        List<SuppressionComment> found = read(
                "const char *s = \"// cemap-suppress missing-nocache: not a comment\";",
                "const char *t = \"\\\" /* cemap-suppress mapping-leak */\";",
                "char c = '\"'; // cemap-suppress mapping-leak: a real one",
                "const char *r = R\"x(// cemap-suppress wrong-constant)x\";");

        assertThat(found).singleElement().satisfies(comment -> {
            assertThat(comment.location().line()).isEqualTo(3);
            assertThat(comment.ruleIds()).containsExactly("mapping-leak");
        });
    }

    @Test
    void aLineCommentContinuedWithABackslashSpansTwoLines() {
        List<SuppressionComment> found = read(
                "// cemap-suppress missing-nocache: one \\",
                "   reason on two lines",
                "p = MmMapIoSpace(pa, size, TRUE);");

        assertThat(found).singleElement().satisfies(comment -> {
            assertThat(comment.reason()).isEqualTo("one reason on two lines");
            assertThat(comment.targetLine()).isEqualTo(3);
        });
    }

    @Test
    void crlfLineEndsCountLikeLf() {
        List<SuppressionComment> found = SuppressionComment.in(FILE, SourceComments.of(
                "int a;\r\n// cemap-suppress mapping-leak: x\r\np = VirtualAlloc(0, 4, MEM_RESERVE, 1);\r\n"));

        assertThat(found).singleElement().satisfies(comment -> {
            assertThat(comment.targetLine()).isEqualTo(3);
            assertThat(comment.reason()).isEqualTo("x");
        });
    }

    @Test
    void doxygenMarkersAreNotPartOfTheKeyword() {
        assertThat(read("/// cemap-suppress mapping-leak: a", "/** cemap-suppress mapping-leak: b */", "x();"))
                .hasSize(2);
    }

    @Test
    void proseMentioningTheKeywordIsNotASuppression() {
        assertThat(read("// see cemap-suppress in the README", "// cemap-suppressions are reviewed", "x();")).isEmpty();
    }

    @Test
    void unreadableSuppressionsSayWhy() {
        List<SuppressionComment> found = read(
                "x(); // cemap-suppress",
                "y(); // cemap-suppress mapping leak: two words",
                "z(); // cemap-suppress: no rule");

        assertThat(found).extracting(comment -> comment.problem().orElse(""))
                .containsExactly("names no rule", "'mapping leak' is not a rule id (rule ids are separated by commas, "
                        + "the reason follows a colon)", "names no rule");
    }
}
