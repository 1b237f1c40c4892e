package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.state.PathState;

/** {@code VirtualSetAttributes(address, size, bits, mask, oldBits)}: recorded for the rules on its mask. */
final class SetAttributesModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value address = call.value("address");
        context.emit(new ReplayEvent.SetAttributes(call.site(), address, call.value("size"), call.value("bits"),
                call.value("mask"), Regions.regionOf(address, context)), state);
        return Value.unknown();
    }
}
