package dev.cemap.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void fencedCodeBecomesAnIndentedBlock() {
        String markdown = "Reserve first:\n\n```c\np = VirtualAlloc(NULL, n, MEM_RESERVE, PAGE_NOACCESS);\n"
                + "VirtualCopy(p, src, n, PAGE_READWRITE);\n```\nThen copy.";

        assertThat(MarkdownText.plain(markdown)).isEqualTo("Reserve first:\n\n"
                + "    p = VirtualAlloc(NULL, n, MEM_RESERVE, PAGE_NOACCESS);\n"
                + "    VirtualCopy(p, src, n, PAGE_READWRITE);\nThen copy.");
    }

    @Test
    void headingsEmphasisAndLinksLoseTheirMarkup() {
        assertThat(MarkdownText.plain("## Fix\n**Always** pass `0`; see [seed 000](https://example.com/000)."))
                .isEqualTo("Fix\nAlways pass `0`; see seed 000 (https://example.com/000).");
    }

    @Test
    void textWithoutMarkupIsUnchanged() {
        assertThat(MarkdownText.plain("Plain text, a * b, x_y_z.")).isEqualTo("Plain text, a * b, x_y_z.");
    }
}
