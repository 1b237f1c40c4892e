package dev.cemap.cli.progress;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link ScanProgress} the command hands the scanner: counts on the workers' threads, draws on
 * a timer thread of its own (the bar five times a second, lines every five seconds).
 */
public final class ProgressDisplay implements ScanProgress, AutoCloseable {

    static final Duration BAR_PERIOD = Duration.ofMillis(200);
    static final Duration LINES_PERIOD = Duration.ofSeconds(5);

    private final ProgressTracker tracker;
    private final ProgressRenderer renderer;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean finished = new AtomicBoolean();

    ProgressDisplay(ProgressTracker tracker, ProgressRenderer renderer, ScheduledExecutorService timer) {
        this.tracker = tracker;
        this.renderer = renderer;
        this.timer = timer;
    }

    /**
     * The display for a mode already resolved against the terminal ({@link ProgressMode#resolve});
     * {@link ScanProgress#NONE}-like for {@link ProgressMode#NONE}.
     */
    public static ProgressDisplay start(ProgressMode mode, PrintStream err) {
        ProgressTracker tracker = new ProgressTracker(System::nanoTime);
        return switch (mode) {
            case BAR -> started(tracker, new ProgressBar(err), BAR_PERIOD);
            case LINES -> started(tracker, new ProgressLines(err), LINES_PERIOD);
            case NONE -> new ProgressDisplay(tracker, null, null);
            case AUTO -> throw new IllegalArgumentException("resolve AUTO against the terminal first");
        };
    }

    private static ProgressDisplay started(ProgressTracker tracker, ProgressRenderer renderer, Duration period) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cemap-progress");
            thread.setDaemon(true);
            return thread;
        });
        ProgressDisplay display = new ProgressDisplay(tracker, renderer, timer);
        long millis = period.toMillis();
        timer.scheduleAtFixedRate(display::tick, millis, millis, TimeUnit.MILLISECONDS);
        return display;
    }

    @Override
    public void started(int totalFiles) {
        tracker.started(totalFiles);
    }

    @Override
    public void stage(String name, int files) {
        tracker.stage(name, files);
    }

    @Override
    public void fileDone(Path file) {
        tracker.fileDone(file);
    }

    /** Stops the timer and draws the last state; later calls do nothing. */
    @Override
    public void finished() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (timer != null) {
            timer.shutdown();
            try {
                // A draw in progress completes before the final one.
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (renderer != null) {
            synchronized (this) {
                renderer.finish(tracker.snapshot());
            }
        }
    }

    /** Ends the display if the scanner did not (it failed, or it does not report progress). */
    @Override
    public void close() {
        finished();
    }

    /** One periodic draw; package-private so tests can drive it without the timer. */
    void tick() {
        if (renderer == null || finished.get()) {
            return;
        }
        synchronized (this) {
            renderer.update(tracker.snapshot());
        }
    }
}
