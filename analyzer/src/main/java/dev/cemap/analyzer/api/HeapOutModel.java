package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.state.PathState;

/**
 * {@code NdisAllocateMemory(&p, length, flags, highest)}: a heap block returned through an
 * out-argument, with a status the code tests (NDIS_STATUS_SUCCESS is 0).
 */
final class HeapOutModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        context.unknownEffects(call, state);
        call.argument("address").outTarget().ifPresent(key -> context.write(state, key,
                Value.pointingTo(new Pointee.Heap(call.api().name(), context.newBlockId()))));
        return Value.unknown();
    }
}
