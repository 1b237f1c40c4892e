package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.state.PathState;

/**
 * LocalFree, free, HeapFree, NdisFreeMemory: the heap block is gone, and with it whatever the
 * path kept only there (a mapping stored in a device context freed on an error path leaks).
 */
final class HeapFreeModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        if (call.value("memory").pointee().orElse(null) instanceof Pointee.Heap heap && heap.block() > 0) {
            state.freeBlock(heap.block());
        }
        return Value.unknown();
    }
}
