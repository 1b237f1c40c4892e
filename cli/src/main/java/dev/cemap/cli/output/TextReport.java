package dev.cemap.cli.output;

import dev.cemap.analyzer.model.Level;
import dev.cemap.rules.ScanReport;
import java.util.ArrayList;
import java.util.List;

/** The compiler-style text output of {@code cemap scan --format text}. */
public final class TextReport {

    private TextReport() {
    }

    /** One line per finding of a scan as it is, each followed by the indented steps of its flow. */
    public static List<String> findingLines(ScanReport report) {
        return findingLines(Report.of(report, List.of()), false);
    }

    /**
     * The results a person has to look at: those present and not suppressed (suppressed ones too
     * with {@code showSuppressed}, marked so) and, against a baseline, only the new and updated.
     */
    public static List<String> findingLines(Report report, boolean showSuppressed) {
        CompilerStyleLines lines = new CompilerStyleLines(report.paths());
        List<String> result = new ArrayList<>();
        for (ReportedResult reported : report.results()) {
            if (!shown(reported, showSuppressed)) {
                continue;
            }
            List<String> findingLines = new ArrayList<>(lines.finding(reported.finding()));
            if (reported.isSuppressed()) {
                String reason = reported.suppression().get().justification();
                findingLines.set(0, findingLines.get(0) + " (suppressed" + (reason.isEmpty() ? "" : ": " + reason) + ")");
            }
            result.addAll(findingLines);
        }
        return result;
    }

    private static boolean shown(ReportedResult reported, boolean showSuppressed) {
        boolean changed = reported.baselineState().map(state -> state == BaselineState.NEW
                || state == BaselineState.UPDATED).orElse(true);
        return changed && (showSuppressed || !reported.isSuppressed());
    }

    /** The summary of a scan's findings as they are. */
    public static String summary(ScanReport report) {
        return summary(Report.of(report, List.of()));
    }

    /**
     * {@code N findings (E errors, W warnings, N notes) in F files}, F being the files analysed,
     * counting what is present and not suppressed; then the suppressed, and the comparison with a
     * baseline when one was given.
     */
    public static String summary(Report report) {
        List<ReportedResult> counted = report.results().stream()
                .filter(result -> result.isPresent() && !result.isSuppressed())
                .toList();
        String summary = plural(counted.size(), "finding") + " ("
                + plural(count(counted, Level.ERROR), "error") + ", "
                + plural(count(counted, Level.WARNING), "warning") + ", "
                + plural(count(counted, Level.NOTE), "note") + ") in "
                + plural(report.scan().filesAnalysed(), "file");
        long suppressed = report.results().stream().filter(r -> r.isPresent() && r.isSuppressed()).count();
        if (suppressed > 0) {
            summary += ", " + suppressed + " suppressed";
        }
        if (report.comparedWithBaseline()) {
            summary += "; against the baseline: " + state(counted, BaselineState.NEW) + " new, "
                    + state(counted, BaselineState.UPDATED) + " updated, "
                    + state(counted, BaselineState.UNCHANGED) + " unchanged, "
                    + state(report.results(), BaselineState.ABSENT) + " gone";
        }
        return summary;
    }

    private static long count(List<ReportedResult> results, Level level) {
        return results.stream().filter(result -> result.finding().level() == level).count();
    }

    private static long state(List<ReportedResult> results, BaselineState state) {
        return results.stream().filter(result -> result.baselineState().filter(state::equals).isPresent()).count();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
