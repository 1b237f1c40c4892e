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
import dev.cemap.emulator.AllocOutcome;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code VirtualAlloc(address, size, allocationType, protect)}: a new region, placed by the
 * emulated kernel when the arguments are known. Its pointer may still be NULL: the path learns
 * which when the code tests it.
 */
final class ReserveModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value address = call.value("address");
        Value size = call.value("size");
        Value type = call.value("allocationType");
        Value protect = call.value("protect");
        int regionId = context.newRegionId();
        Optional<String> failure = Optional.empty();
        Optional<RegionOrigin.EmulatedPlacement> placement = Optional.empty();
        boolean addressChosenByKernel = address.isKnown() && address.longValue() == 0 && address.pointee().isEmpty();
        boolean fixedAddress = address.isKnown() && address.longValue() != 0;
        if (size.isKnown() && type.isKnown() && protect.isKnown() && (addressChosenByKernel || fixedAddress)) {
            Emulation emulation = state.emulation();
            AllocOutcome outcome = emulation.operate().virtualAlloc(address.longValue(), size.longValue(),
                    (int) type.longValue(), (int) protect.longValue());
            outcome.reservation().ifPresent(reservation -> emulation.bind(regionId, reservation));
            failure = outcome.failure();
            placement = outcome.reservation().map(Regions::placementOf);
        }
        RegionOrigin region = new RegionOrigin(regionId, call.site(), size.number(), type.number(), placement,
                ResourceKind.RESERVATION);
        context.register(region);
        state.created(regionId);
        context.emit(new ReplayEvent.Alloc(call.site(), region, address, size, type, protect, failure), state);
        state.step(new TraceStep(call.site().location(), region.describe()));
        return Value.pointingTo(new Pointee.Region(regionId, OptionalLong.of(0)));
    }
}
