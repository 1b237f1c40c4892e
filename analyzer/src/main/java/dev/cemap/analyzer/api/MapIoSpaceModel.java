package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.ResourceKind;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.Emulation;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.MapOutcome;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code MmMapIoSpace(physical, size, cacheEnable)}: CEDDK's VirtualAlloc + VirtualCopy with
 * page fix-ups, returning a pointer at the physical address's page offset in a new region.
 */
final class MapIoSpaceModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value physical = call.argument("physical").storage().map(key -> Regions.physicalAddressIn(key, state))
                .orElse(Value.unknown());
        Value size = call.value("size");
        Value cacheEnable = call.value("cacheEnable");
        int regionId = context.newRegionId();
        Optional<MapOutcome> outcome = Optional.empty();
        if (physical.isKnown() && size.isKnown() && cacheEnable.isKnown()) {
            Emulation emulation = state.emulation();
            MapOutcome mapped = emulation.operate().mapIoSpace(physical.longValue(), size.longValue(),
                    cacheEnable.longValue() != 0);
            MapOutcome result = new MapOutcome(mapped.reservation(), mapped.address(),
                    Regions.firstPagesOf(mapped.copy()));
            result.reservation().ifPresent(reservation -> emulation.bind(regionId, reservation));
            outcome = Optional.of(result);
        }
        Optional<RegionOrigin.EmulatedPlacement> placement = outcome.flatMap(MapOutcome::reservation)
                .map(Regions::placementOf);
        RegionOrigin region = new RegionOrigin(regionId, call.site(), size.number(), OptionalLong.of(Ce.MEM_RESERVE),
                placement, ResourceKind.IO_MAPPING);
        context.register(region);
        state.created(regionId);
        context.emit(new ReplayEvent.MapIoSpace(call.site(), region, physical, size, cacheEnable, outcome), state);
        state.step(new TraceStep(call.site().location(), "MmMapIoSpace(" + call.site().argument(0) + ", "
                + call.site().argument(1) + ", " + call.site().argument(2) + ")" + physical.number().stream()
                        .mapToObj(pa -> ": physical " + Hex.addr(pa)).findFirst().orElse("")
                + placement.map(p -> " at emulated " + Hex.addr(p.base() + Ce.pageOffset(physical.number().orElse(0))))
                        .orElse("")));
        OptionalLong offset = physical.isKnown() ? OptionalLong.of(Ce.pageOffset(physical.longValue()))
                : OptionalLong.empty();
        return Value.pointingTo(new Pointee.Region(regionId, offset));
    }
}
