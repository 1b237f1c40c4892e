package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.replay.CallSite;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One function body being walked: the replayed function, or a function replayed at its call site. */
final class Frame {

    final String function;
    /** The calls that led here from the replayed function, outermost first; empty for the root. */
    final List<CallSite> via;
    /** Locals and parameters declared in this body: they die at its exits. */
    final Set<StorageKey> locals = new HashSet<>();
    final Set<StorageKey> pointerLocals = new HashSet<>();
    /** Regions created in this body or in the bodies it called. */
    final Set<Integer> regionsCreated = new HashSet<>();

    Frame(String function, List<CallSite> via) {
        this.function = function;
        this.via = List.copyOf(via);
    }

    boolean isRoot() {
        return via.isEmpty();
    }

    int depth() {
        return via.size();
    }
}
