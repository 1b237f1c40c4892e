package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.rules.ScanReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What {@code cemap scan --stats} prints on standard error at the end: how many files were found,
 * analysed and skipped, the notifications and findings, and the wall time.
 *
 * @param filesFound        C/C++ source files under the scanned paths
 * @param filesAnalysed     files parsed and replayed
 * @param filesSkipped      files the pre-scan found nothing in and left unparsed; empty when the
 *                          report does not say
 * @param notifications     tool notifications by level: errors, warnings, notes
 * @param findings          results reported
 * @param wallTime          from the start of the command to the end of the report
 */
record ScanStatistics(int filesFound, int filesAnalysed, OptionalInt filesSkipped, int[] notifications,
        int findings, Duration wallTime) {

    static ScanStatistics of(ScanReport report, Duration wallTime) {
        int[] byLevel = new int[3];
        for (Notification notification : report.notifications()) {
            Level level = notification.level();
            byLevel[level == Level.ERROR ? 0 : level == Level.WARNING ? 1 : 2]++;
        }
        return new ScanStatistics(report.filesFound(), report.filesAnalysed(), skippedByPrescan(report), byLevel,
                report.findings().size(), wallTime);
    }

    private static OptionalInt skippedByPrescan(ScanReport report) {
        return OptionalInt.of(report.filesSkipped());
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        String files = "cemap: stats: " + filesFound + " files found, " + filesAnalysed + " analysed";
        if (filesSkipped.isPresent()) {
            int skipped = filesSkipped.getAsInt();
            files += ", " + skipped + " skipped by the pre-scan";
            int failed = filesFound - filesAnalysed - skipped;
            if (failed > 0) {
                files += ", " + failed + " not analysed (see the notifications)";
            }
        } else if (filesFound > filesAnalysed) {
            files += ", " + (filesFound - filesAnalysed) + " not analysed";
        }
        lines.add(files);
        int total = notifications[0] + notifications[1] + notifications[2];
        lines.add(String.format(Locale.ROOT, "cemap: stats: %d notifications (%d errors, %d warnings, %d notes), %d findings",
                total, notifications[0], notifications[1], notifications[2], findings));
        double seconds = wallTime.toNanos() / 1e9;
        lines.add(String.format(Locale.ROOT, "cemap: stats: wall time %.1f s (%.0f files/s)", seconds,
                seconds > 0 ? filesFound / seconds : 0));
        return lines;
    }
}
