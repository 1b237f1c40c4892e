package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.PathState;
import java.util.Optional;

/** {@code MmUnmapIoSpace(address, size)}: CEDDK ignores the size and releases the whole reservation. */
final class UnmapIoSpaceModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value address = call.value("address");
        Optional<RegionOrigin> region = Regions.regionOf(address, context);
        context.emit(new ReplayEvent.UnmapIoSpace(call.site(), address, call.value("size"), region), state);
        region.ifPresent(r -> {
            state.setStatus(r.regionId(), RegionStatus.RELEASED);
            state.emulation().release(r.regionId());
        });
        state.step(new TraceStep(call.site().location(), "MmUnmapIoSpace(" + call.site().argument(0) + ", "
                + call.site().argument(1) + ")"));
        return Value.unknown();
    }
}
