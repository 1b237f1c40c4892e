package dev.cemap.cli.progress;

import java.io.PrintStream;

/**
 * A plain line per update, for logs: {@code cemap: analysing 1234/10000 files (12%), 456 files/s, 0:41}.
 * A scan over before the first update prints nothing; one that printed lines ends with one more.
 */
final class ProgressLines implements ProgressRenderer {

    private final PrintStream err;
    private boolean printed;

    ProgressLines(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(ProgressTracker.Snapshot snapshot) {
        err.println(line(snapshot));
        err.flush();
        printed = true;
    }

    @Override
    public void finish(ProgressTracker.Snapshot snapshot) {
        if (printed) {
            err.println(line(snapshot) + ", done");
            err.flush();
        }
    }

    static String line(ProgressTracker.Snapshot snapshot) {
        if (!snapshot.totalKnown() && snapshot.done() == 0) {
            return "cemap: scanning, " + snapshot.elapsed(); // a scanner that does not count files
        }
        String files = snapshot.totalKnown()
                ? String.format("%d/%d files (%d%%)", snapshot.done(), snapshot.total(), snapshot.percent())
                : String.format("%d files", snapshot.done());
        return "cemap: " + snapshot.stageThen(" ") + files + ", " + snapshot.rate() + ", " + snapshot.elapsed();
    }
}
