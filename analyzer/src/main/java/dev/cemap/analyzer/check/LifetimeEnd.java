package dev.cemap.analyzer.check;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.CallSite;

/**
 * The end of a lifetime the driver framework gives an init function: Device Manager calls
 * {@code XXX_Deinit} after a successful {@code XXX_Init} and never after a failed one; a C++
 * object lives from its constructor to its destructor; NDIS calls {@code MiniportHalt} after a
 * successful {@code MiniportInitialize}.
 *
 * @param kind      which end
 * @param site      where: the failing init's return, or the end of the paired exit
 * @param exitName  the paired exit that was replayed, or ""
 * @param context   what the init returned for its paired exit to receive (a stream driver's
 *                  device context), when the framework hands it over
 * @param ends      every path on which this lifetime ends from the same init exit: the paired
 *                  exit (or the cleanup after a failure) may end on several, told apart only by
 *                  what the replay cannot know; the hook's own path is the first of them
 */
public record LifetimeEnd(Kind kind, CallSite site, String exitName, java.util.Optional<Value> context,
        java.util.List<PathView> ends) {

    public LifetimeEnd {
        ends = java.util.List.copyOf(ends);
    }

    public enum Kind {
        /** The init returns failure: its paired exit will not run. */
        INIT_FAILED,
        /** The init succeeded and its paired exit was replayed after it; the path is at the exit's end. */
        PAIRED_EXIT_ENDED,
        /** The init succeeded and nothing can release what it stored: a class without destructor. */
        NO_PAIRED_EXIT
    }
}
