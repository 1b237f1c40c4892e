package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.state.PathState;

/**
 * CreateStaticMapping, VirtualAllocCopyEx, VirtualCopyEx: recorded for the rules about where
 * they may be called and what they expose; no effect on the emulated memory.
 */
final class RecordModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        context.emit(new ReplayEvent.Call(call.site(), call.api(), call.values()), state);
        return Value.unknown();
    }
}
