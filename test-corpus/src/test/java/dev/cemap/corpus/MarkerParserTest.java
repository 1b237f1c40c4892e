package dev.cemap.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerParserTest {

    private static LineRule at(int line, String rule) {
        return new LineRule(line, rule);
    }

    @Test
    void lineWithoutMarkersExpectsNothingAndTargetDefaultsToCe6() {
        MarkedFile file = MarkerParser.parse("""
                #include <windows.h>
                // Maps the GPIO block.
                void f(void) { }
                """);

        assertThat(file.targets()).containsExactly("ce6");
        assertThat(file.markers()).isEmpty();
    }

    @Test
    void markerAppliesToItsOwnLine() {
        MarkedFile file = MarkerParser.parse("""
                void f(PVOID pv)
                {
                    VirtualCopy(pv, (PVOID)(0x7F005400 >> 8), 0x100, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL); // expect: page-offset-mismatch
                }
                """);

        assertThat(file.expectedFindings("ce6")).containsExactly(at(3, "page-offset-mismatch"));
    }

    @Test
    void oneMarkerCanNameSeveralRules() {
        MarkedFile file = MarkerParser.parse(
                "VirtualCopy(&regs, src, 4, PAGE_NOCACHE | PAGE_PHYSICAL); // expect: dest-not-reserved, invalid-protection\n");

        assertThat(file.expectedFindings("ce6"))
                .containsExactly(at(1, "dest-not-reserved"), at(1, "invalid-protection"));
    }

    @Test
    void blockCommentMarkersCount() {
        MarkedFile file = MarkerParser.parse("""
                x = 1;
                VirtualFree(p, 0x1000, MEM_RELEASE); /* expect: release-with-size */
                VirtualFree(p, 0, MEM_RELEASE); /* ok: release-with-size */ // done
                """);

        assertThat(file.expectedFindings("ce6")).containsExactly(at(2, "release-with-size"));
        assertThat(file.okCases("ce6")).containsExactly(at(3, "release-with-size"));
    }

    @Test
    void targetSpecificMarkersApplyOnlyToTheirTargets() {
        MarkedFile file = MarkerParser.parse("""
                // cemap-targets: ce5 ce6 ce7
                VirtualCopy(pv, src, 0x400000, prot); // expect(ce5): section-crossing; ok(ce6, ce7): section-crossing
                VirtualCopy(pv, src, 0x3000000, prot); // expect: section-crossing
                """);

        assertThat(file.targets()).containsExactly("ce5", "ce6", "ce7");
        assertThat(file.expectedFindings("ce5")).containsExactly(at(2, "section-crossing"), at(3, "section-crossing"));
        assertThat(file.expectedFindings("ce6")).containsExactly(at(3, "section-crossing"));
        assertThat(file.expectedFindings("ce7")).containsExactly(at(3, "section-crossing"));
        assertThat(file.okCases("ce6")).containsExactly(at(2, "section-crossing"));
        assertThat(file.okCases("ce5")).isEmpty();
    }

    @Test
    void targetsLineAcceptsCommasAndAnyOrder() {
        MarkedFile file = MarkerParser.parse("/* cemap-targets: ce6, ce5 */\n");

        assertThat(file.targets()).containsExactly("ce6", "ce5");
    }

    @Test
    void crlfLineEndingsKeepLineNumbersAndDropTheCarriageReturn() {
        MarkedFile file = MarkerParser.parse(
                "// cemap-targets: ce5\r\n\r\nVirtualCopy(a, b, c, d); // expect: dest-not-reserved\r\nx();\r\n");

        assertThat(file.targets()).containsExactly("ce5");
        assertThat(file.expectedFindings("ce5")).containsExactly(at(3, "dest-not-reserved"));
    }

    @Test
    void multiLineBlockCommentsKeepCountingLines() {
        MarkedFile file = MarkerParser.parse("""
                /*
                 * Register map, see the user manual.
                 */
                VirtualFree(p, 4096, MEM_RELEASE); // expect: release-with-size
                """);

        assertThat(file.expectedFindings("ce6")).containsExactly(at(4, "release-with-size"));
    }

    @Test
    void markerTextInsideStringLiteralsIsIgnored() {
        MarkedFile file = MarkerParser.parse("""
                RETAILMSG(1, (TEXT("// expect: page-offset-mismatch\\r\\n")));
                RETAILMSG(1, (TEXT("url http://host/ \\" // quoted")));
                c = '"'; // expect: release-with-size
                """);

        assertThat(file.expectedFindings("ce6")).containsExactly(at(3, "release-with-size"));
    }

    @Test
    void proseCommentsAreNotMarkers() {
        MarkedFile file = MarkerParser.parse("""
                // okay: nothing to see here
                // expected: the caller reserved the window
                // OK: the boot loader set this up
                """);

        assertThat(file.markers()).isEmpty();
    }

    @Test
    void misspelledRuleIdsAndTargetsAreRejected() {
        assertThatThrownBy(() -> MarkerParser.parse("f(); // expect: Page_Offset\n"))
                .isInstanceOf(MarkerSyntaxException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> MarkerParser.parse("// cemap-targets: ce5\nf(); // expect(ce4): section-crossing\n"))
                .isInstanceOf(MarkerSyntaxException.class)
                .hasMessageContaining("unknown target ce4");
        assertThatThrownBy(() -> MarkerParser.parse("f(); // expect(): section-crossing\n"))
                .isInstanceOf(MarkerSyntaxException.class);
    }

    @Test
    void markerInTheMiddleOfACommentIsRejected() {
        assertThatThrownBy(() -> MarkerParser.parse("f(); // maps UART1, expect: page-offset-mismatch\n"))
                .isInstanceOf(MarkerSyntaxException.class)
                .hasMessageContaining("must start its comment");
    }

    @Test
    void markerForATargetTheFileIsNotScannedWithIsRejected() {
        assertThatThrownBy(() -> MarkerParser.parse("f(); // expect(ce5): section-crossing\n"))
                .isInstanceOf(MarkerSyntaxException.class)
                .hasMessageContaining("scanned only with [ce6]");
    }

    @Test
    void contradictoryOrRepeatedMarkersAreRejected() {
        assertThatThrownBy(() -> MarkerParser.parse("f(); // expect: release-with-size; ok: release-with-size\n"))
                .isInstanceOf(MarkerSyntaxException.class)
                .hasMessageContaining("both expected and ok");
        assertThatThrownBy(() -> MarkerParser.parse("f(); // expect: release-with-size, release-with-size\n"))
                .isInstanceOf(MarkerSyntaxException.class);
        assertThatThrownBy(() -> MarkerParser.parse("// cemap-targets: ce5\n// cemap-targets: ce6\n"))
                .isInstanceOf(MarkerSyntaxException.class)
                .hasMessageContaining("second cemap-targets");
    }

    @Test
    void expectAndOkForDifferentRulesCanShareALine() {
        MarkedFile file = MarkerParser.parse(
                "VirtualCopy(pv, (PVOID)(PA >> 8), 0x1000, PAGE_READWRITE); // expect: physical-flag-missing; ok: page-offset-mismatch\n");

        assertThat(file.expectedFindings("ce6")).containsExactly(at(1, "physical-flag-missing"));
        assertThat(file.okCases("ce6")).containsExactly(at(1, "page-offset-mismatch"));
    }

    @Test
    void filesAreDecodedWhateverTheirEncoding(@TempDir Path dir) throws Exception {
        String text = "// cemap-targets: ce5\r\n// \u5BC4\u5B58\u5668\r\nVirtualFree(p, 4096, MEM_RELEASE); // expect: release-with-size\r\n";
        Path utf16 = dir.resolve("utf16.c");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        Path gbk = dir.resolve("gbk.c");
        Files.write(gbk, text.getBytes("GBK"));

        for (Path file : new Path[] {utf16, gbk}) {
            MarkedFile parsed = MarkerParser.parse(file);
            assertThat(parsed.targets()).as(file.toString()).containsExactly("ce5");
            assertThat(parsed.expectedFindings("ce5")).as(file.toString()).containsExactly(at(3, "release-with-size"));
        }
    }

    @Test
    void anExpectedFindingMayPinPartOfItsMessage() {
        MarkedFile file = MarkerParser.parse(
                "MmUnmapIoSpace(p, 0); // expect: unmap-size-mismatch {{MmUnmapIoSpace(p, 0)}}, mapping-leak {{a; b}}\n");

        assertThat(file.expectedFindings("ce6")).containsExactly(at(1, "mapping-leak"), at(1, "unmap-size-mismatch"));
        assertThat(file.expectedMessages("ce6")).containsEntry(at(1, "unmap-size-mismatch"), "MmUnmapIoSpace(p, 0)")
                .containsEntry(at(1, "mapping-leak"), "a; b");
    }

    @Test
    void aLookAlikeCannotPinAMessage() {
        assertThatThrownBy(() -> MarkerParser.parse("MmUnmapIoSpace(p, 0x100); // ok: unmap-size-mismatch {{0x100}}\n"))
                .isInstanceOf(MarkerSyntaxException.class).hasMessageContaining("{{");
    }
}
