package dev.cemap.cli.progress;

/** Draws the progress; called from one thread at a time. */
interface ProgressRenderer {

    /** A periodic update. */
    void update(ProgressTracker.Snapshot snapshot);

    /** The scan is over: leave standard error ready for what follows. */
    void finish(ProgressTracker.Snapshot snapshot);
}
