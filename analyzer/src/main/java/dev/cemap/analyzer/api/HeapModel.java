package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.state.PathState;

/** LocalAlloc, malloc, calloc, HeapAlloc: committed heap memory, never a VirtualCopy destination. */
final class HeapModel implements ApiModel {

    private static final long LMEM_ZEROINIT = 0x40;
    private static final long HEAP_ZERO_MEMORY = 0x08;

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        int block = context.newBlockId();
        if (zeroFills(call)) {
            state.zeroBlock(block);
        }
        return Value.pointingTo(new Pointee.Heap(call.api().name(), block));
    }

    /** LocalAlloc(LMEM_ZEROINIT, …) (LPTR includes it), calloc, HeapAlloc(…, HEAP_ZERO_MEMORY, …). */
    private static boolean zeroFills(ApiCall call) {
        if (call.api().is("calloc")) {
            return true;
        }
        Value flags = call.api().parameters().contains("flags") ? call.value("flags") : Value.unknown();
        long bit = call.api().is("LocalAlloc") ? LMEM_ZEROINIT : call.api().is("HeapAlloc") ? HEAP_ZERO_MEMORY : 0;
        return bit != 0 && flags.isKnown() && (flags.longValue() & bit) != 0;
    }
}
