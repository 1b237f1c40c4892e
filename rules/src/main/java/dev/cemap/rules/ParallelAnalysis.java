package dev.cemap.rules;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.FileAnalyzer;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Analyses files on the scan's workers and gives the results in file order, whatever the thread
 * count. A file that takes longer than its budget is reported and left behind.
 */
final class ParallelAnalysis {

    /** Time one file may take; driver sources take milliseconds, so this only stops pathological inputs. */
    static final long FILE_BUDGET_SECONDS = 120;

    private ParallelAnalysis() {
    }

    static List<FileAnalysis> analyzeAll(FileAnalyzer analyzer, List<Path> files, ExecutorService workers,
            ScanListener listener) {
        List<Future<FileAnalysis>> pending = new ArrayList<>();
        Map<Path, Long> started = new ConcurrentHashMap<>();
        for (Path file : files) {
            pending.add(workers.submit(() -> {
                started.put(file, System.nanoTime());
                try {
                    return analyzer.analyze(file);
                } finally {
                    listener.fileDone(file);
                }
            }));
        }
        List<FileAnalysis> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            results.add(await(pending.get(i), files.get(i), started));
        }
        return results;
    }

    /**
     * Waits for one file's analysis, at most {@link #FILE_BUDGET_SECONDS} from when a worker took
     * it up: a file that takes longer is reported and left behind (the parser cannot be stopped,
     * so its worker is lost to the rest of the scan, which goes on with the others).
     */
    private static FileAnalysis await(Future<FileAnalysis> pending, Path file, Map<Path, Long> started) {
        try {
            while (true) {
                try {
                    return pending.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    Long start = started.get(file);
                    if (start != null && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(FILE_BUDGET_SECONDS)) {
                        pending.cancel(true);
                        return failed(file, "over the " + FILE_BUDGET_SECONDS + " s budget for one file");
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(file, cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(file, "interrupted");
        }
    }

    private static FileAnalysis failed(Path file, String why) {
        return new FileAnalysis(file, false, List.of(), List.of(Notification.global("analysis-failure", Level.ERROR,
                file + " could not be analysed (" + why + ")")));
    }
}
