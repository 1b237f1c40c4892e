package dev.cemap.cli.progress;

import java.io.PrintStream;

/**
 * One line on a terminal, redrawn in place with a carriage return, and erased at the end so that
 * the notifications and the report start on a clean line:
 * {@code cemap: analysing  [#########...........]  1234/10000 files  12%  456 files/s  0:41}.
 */
final class ProgressBar implements ProgressRenderer {

    private static final int BAR_WIDTH = 24;

    private final PrintStream err;
    private int drawnWidth;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(ProgressTracker.Snapshot snapshot) {
        draw(line(snapshot));
    }

    @Override
    public void finish(ProgressTracker.Snapshot snapshot) {
        draw(line(snapshot));
        draw("");
    }

    static String line(ProgressTracker.Snapshot snapshot) {
        if (!snapshot.totalKnown() && snapshot.done() == 0) {
            return "cemap: scanning  " + snapshot.elapsed(); // a scanner that does not count files
        }
        if (!snapshot.totalKnown()) {
            return String.format("cemap: scanning  %d files  %s  %s", snapshot.done(), snapshot.rate(), snapshot.elapsed());
        }
        int filled = snapshot.percent() * BAR_WIDTH / 100;
        return String.format("cemap: %s[%s%s]  %d/%d files  %d%%  %s  %s", snapshot.stageThen("  "), "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), snapshot.done(), snapshot.total(), snapshot.percent(), snapshot.rate(),
                snapshot.elapsed());
    }

    /** Overwrites the previous line: spaces cover what a longer previous line left. */
    private void draw(String line) {
        String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
        err.print("\r" + line + padding + (padding.isEmpty() ? "" : "\r" + line));
        err.flush();
        drawnWidth = line.length();
    }
}
