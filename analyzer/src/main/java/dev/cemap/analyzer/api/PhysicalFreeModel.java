package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.PathState;
import java.util.Optional;

/**
 * {@code FreePhysMem(address)} and {@code HalFreeCommonBuffer(adapter, size, physical, address,
 * cached)}: both give back the pages at the virtual address (CEDDK frees a common buffer by its
 * virtual address), so the region the address points into is released.
 */
final class PhysicalFreeModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value address = call.value("address");
        boolean commonBuffer = call.api().is("HalFreeCommonBuffer");
        Value size = commonBuffer ? call.value("size") : Value.unknown();
        Value adapter = commonBuffer ? call.value("adapter") : Value.unknown();
        Value physical = commonBuffer ? call.argument("physical").storage()
                .map(key -> Regions.physicalAddressIn(key, state)).filter(v -> !v.isUnknown())
                .orElse(call.value("physical")) : Value.unknown();
        Optional<RegionOrigin> region = Regions.regionOf(address, context);
        context.emit(new ReplayEvent.PhysicalFree(call.site(), address, size, physical, adapter, region), state);
        region.ifPresent(r -> {
            state.setStatus(r.regionId(), RegionStatus.RELEASED);
            state.emulation().release(r.regionId());
        });
        state.step(new TraceStep(call.site().location(), call.api().name() + "("
                + String.join(", ", call.site().argumentTexts()) + ")"));
        return Value.unknown();
    }
}
