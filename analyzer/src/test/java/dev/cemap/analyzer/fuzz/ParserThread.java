package dev.cemap.analyzer.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzzed work the way the scanner runs a file: on a thread with a large stack (CDT recurses
 * once per nesting level), and with a time limit, so that an input that hangs the analysis is a
 * finding instead of a fuzzer that stops making progress.
 */
final class ParserThread {

    /** The stack the scanner gives its parser threads. */
    static final long STACK_BYTES = 64L << 20;

    /** Far more than any input of the fuzzer's size needs (milliseconds); beyond it the input hangs. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private static ExecutorService executor = newExecutor();

    private ParserThread() {
    }

    /** The work's result; what it throws is rethrown here, so the fuzzer sees the real failure. */
    static synchronized <T> T run(Callable<T> work) throws Exception {
        Future<T> pending = executor.submit(work);
        try {
            return pending.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        } catch (TimeoutException e) {
            // The stuck thread cannot be stopped; later inputs get a fresh one.
            executor.shutdownNow();
            executor = newExecutor();
            throw new AssertionError("no result after " + LIMIT.toSeconds() + " s: the input hangs the analysis");
        }
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(null, task, "fuzz-parser", STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }
}
