package dev.cemap.analyzer.check;

import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.ReplayEvent;

/**
 * A rule's view of the replay: the engine calls these hooks as it walks each path, and the
 * checker reports what they prove through the {@link CheckerContext}. Checkers never change the
 * engine's state; what they need to remember along a path they keep as {@link FactKey facts} of
 * the path, and what they need across the paths of one function as root facts.
 *
 * <p>Every hook has an empty default: a checker implements the few it needs.
 */
public interface Checker {

    /** The rule id its reports carry. */
    String id();

    /** Before a modelled CE API runs, with its evaluated arguments and where they are stored. */
    default void onPreCall(ApiCall call, CheckerContext context) {
    }

    /** After a modelled CE API ran: the event says what the emulated memory manager did. */
    default void onCall(ReplayEvent event, CheckerContext context) {
    }

    /** A read or write through a pointer into a region the replay created. */
    default void onAccess(Access access, CheckerContext context) {
    }

    /**
     * A call the replay does not follow into (an SDK function, a function of the tree applied by its
     * summary, an unknown function), before its effects are applied.
     */
    default void onOpaqueCall(OpaqueCall call, CheckerContext context) {
    }

    /** A value was stored: a declaration, an assignment, or an unknown call writing through a pointer. */
    default void onBind(Bind bind, CheckerContext context) {
    }

    /** A path took one side of a branch. */
    default void onBranch(Branch branch, CheckerContext context) {
    }

    /** A path leaves a function: the replayed one, or a function replayed where it is called. */
    default void onFunctionExit(FunctionExit exit, CheckerContext context) {
    }

    /** A lifetime the framework gives the function ended on a path (see {@link LifetimeEnd}). */
    default void onLifetimeEnd(LifetimeEnd end, CheckerContext context) {
    }

    /** The replay of one function ended; {@code context.path()} is meaningless here. */
    default void onRootEnd(RootEnd end, CheckerContext context) {
    }

    /** A file's own facts (its {@code #define}s), once per file. */
    default void onFile(FileFacts file, CheckerContext context) {
    }

    /**
     * True when the checker also wants {@link #onCall} and {@link #onFunctionExit} while the engine
     * replays a paired exit (Deinit after Init) only to learn what it releases. The exit's own
     * replay reports its own defects; a checker about what Init created (an unmap with another
     * size than Init mapped) opts in.
     */
    default boolean followsLifetimes() {
        return false;
    }
}
