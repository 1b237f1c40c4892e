package dev.cemap.cli.progress;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Counts files as the scanner reports them and derives the current rate. Counting is all the
 * worker threads do (an atomic increment); the rate is computed by whoever draws, from samples
 * it takes, so a slow terminal never slows the scan.
 */
public final class ProgressTracker {

    /** The rate shown is over this much of the recent past: current, yet not jumpy. */
    static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    private final LongSupplier clock;
    private final long startNanos;
    private final AtomicInteger total = new AtomicInteger(-1);
    private final AtomicInteger done = new AtomicInteger();
    private final Deque<long[]> samples = new ArrayDeque<>();
    /** The stage the counts are of; null for a scanner that names none. */
    private volatile String stage;
    private long stageStartNanos;

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    public ProgressTracker(LongSupplier clock) {
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.stageStartNanos = startNanos;
    }

    void started(int totalFiles) {
        total.set(Math.max(0, totalFiles));
    }

    /**
     * A stage of the scan begins over {@code files} files: the counts start again. The same stage
     * named again goes on with that many more files.
     */
    synchronized void stage(String name, int files) {
        if (name.equals(stage)) {
            total.addAndGet(Math.max(0, files));
            return;
        }
        stage = name;
        total.set(Math.max(0, files));
        done.set(0);
        samples.clear();
        stageStartNanos = clock.getAsLong();
    }

    void fileDone(Path file) {
        done.incrementAndGet();
    }

    /** The state now; also records a sample for the rate. */
    synchronized Snapshot snapshot() {
        long now = clock.getAsLong();
        int doneNow = done.get();
        // Keep the samples of the window, and always the newest older one, to measure from.
        while (samples.size() > 1 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
            samples.removeFirst();
        }
        long[] from = samples.isEmpty() ? new long[] {stageStartNanos, 0} : samples.peekFirst();
        long span = now - from[0];
        double rate = span > 0 ? (doneNow - from[1]) * 1e9 / span : 0;
        samples.addLast(new long[] {now, doneNow});
        return new Snapshot(stage, doneNow, total.get(), now - startNanos, rate);
    }

    /**
     * @param stage        what the scan is doing ({@code reading}, {@code indexing}, {@code analysing});
     *                     null for a scanner that does not say
     * @param done         files through so far, in this stage
     * @param total        files in this stage; -1 while the scanner has not said
     * @param elapsedNanos since the tracker was created
     * @param filesPerSecond the recent rate
     */
    record Snapshot(String stage, int done, int total, long elapsedNanos, double filesPerSecond) {

        /** The stage followed by {@code separator}, to start a line with; nothing when there is no stage. */
        String stageThen(String separator) {
            return stage == null ? "" : stage + separator;
        }

        boolean totalKnown() {
            return total >= 0;
        }

        /** 0–100; 100 for an empty scan. */
        int percent() {
            if (total <= 0) {
                return 100;
            }
            return (int) Math.min(100, done * 100L / total);
        }

        /** m:ss, or h:mm:ss past an hour. */
        String elapsed() {
            long seconds = elapsedNanos / 1_000_000_000L;
            long hours = seconds / 3600;
            return hours > 0
                    ? String.format("%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                    : String.format("%d:%02d", seconds / 60, seconds % 60);
        }

        String rate() {
            return String.format(java.util.Locale.ROOT, "%.0f files/s", filesPerSecond);
        }
    }
}
