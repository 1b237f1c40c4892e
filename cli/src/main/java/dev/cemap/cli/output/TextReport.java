package dev.cemap.cli.output;

import dev.cemap.analyzer.model.Level;
import dev.cemap.rules.Finding;
import dev.cemap.rules.ScanReport;
import java.util.ArrayList;
import java.util.List;

/** The compiler-style text output of {@code cemap scan --format text}. */
public final class TextReport {

    private TextReport() {
    }

    /** One line per finding, each followed by the indented steps of its flow. */
    public static List<String> findingLines(ScanReport report) {
        CompilerStyleLines lines = new CompilerStyleLines(new ReportPaths(report.sourceRoot()));
        List<String> result = new ArrayList<>();
        for (Finding finding : report.findings()) {
            result.addAll(lines.finding(finding));
        }
        return result;
    }

    /** {@code N findings (E errors, W warnings, N notes) in F files}, F being the files analysed. */
    public static String summary(ScanReport report) {
        long errors = count(report, Level.ERROR);
        long warnings = count(report, Level.WARNING);
        long notes = count(report, Level.NOTE);
        return plural(report.findings().size(), "finding") + " ("
                + plural(errors, "error") + ", "
                + plural(warnings, "warning") + ", "
                + plural(notes, "note") + ") in "
                + plural(report.filesAnalysed(), "file");
    }

    private static long count(ScanReport report, Level level) {
        return report.findings().stream().filter(finding -> finding.level() == level).count();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
