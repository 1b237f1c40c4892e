package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.state.PathState;

/** LocalAlloc, malloc, calloc, HeapAlloc: committed heap memory, never a VirtualCopy destination. */
final class HeapModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        return Value.pointingTo(new Pointee.Heap(call.api().name()));
    }
}
