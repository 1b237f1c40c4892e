package dev.cemap.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.cli.SampleReports;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.Finding;
import dev.cemap.rules.ScanReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

    private final Path root = Path.of("/src/bsp").toAbsolutePath();

    @Test
    void flowStepsAreIndentedNotes() {
        List<String> lines = TextReport.findingLines(SampleReports.mixed(root));

        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("    drivers/my driver/map.c:10:9: note: ");
    }

    @Test
    void multiLineMessagesStayOnOneLine() {
        Finding finding = new Finding("sample-mapping-leak", Level.WARNING, "first line\r\n  second line\n",
                SourceLocation.of(root.resolve("a.c"), 1, 1), List.of(), "f");
        ScanReport report = new ScanReport(root, CeVersion.CE5, List.of(finding), List.of(), 1, 1);

        assertThat(TextReport.findingLines(report))
                .containsExactly("a.c:1:1: warning: first line second line [sample-mapping-leak]");
    }

    @Test
    void summaryUsesSingularForOne() {
        Finding note = new Finding("x", Level.NOTE, "m", SourceLocation.of(root.resolve("a.c"), 1, 1), List.of(), "f");
        ScanReport report = new ScanReport(root, CeVersion.CE7, List.of(note), List.of(), 1, 1);

        assertThat(TextReport.summary(report)).isEqualTo("1 finding (0 errors, 0 warnings, 1 note) in 1 file");
    }
}
