package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.analyzer.state.PendingCall;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.FreeOutcome;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code VirtualFree(address, size, freeType)}. A MEM_RELEASE with a non-zero size is refused by
 * the kernel: the region is marked as an attempted release, which release-with-size reports and
 * the leak checks do not count as released.
 */
final class FreeModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value address = call.value("address");
        Value size = call.value("size");
        Value freeType = call.value("freeType");
        OptionalLong emulated = Regions.emulatedAddress(state, address);
        Optional<FreeOutcome> outcome = Optional.empty();
        if (emulated.isPresent() && size.isKnown() && freeType.isKnown()) {
            outcome = Optional.of(state.emulation().operate()
                    .virtualFree(emulated.getAsLong(), size.longValue(), (int) freeType.longValue()));
        }
        Optional<RegionOrigin> region = Regions.regionOf(address, context);
        context.emit(new ReplayEvent.Free(call.site(), address, size, freeType, region, outcome), state);
        int callId = context.newCallId();
        boolean release = !freeType.isKnown() || (freeType.longValue() & Ce.MEM_RELEASE) != 0;
        if (region.isPresent() && release) {
            int id = region.get().regionId();
            RegionStatus before = state.status(id).orElse(RegionStatus.MAYBE);
            boolean rejected = size.isKnown() && size.longValue() != 0;
            state.setStatus(id, rejected ? RegionStatus.RELEASE_ATTEMPTED : RegionStatus.RELEASED);
            state.pending(callId, new PendingCall(id, OptionalLong.empty(), 0, before));
        }
        state.step(new TraceStep(call.site().location(), "VirtualFree(" + call.site().argument(0) + ", "
                + call.site().argument(1) + ", " + call.site().argument(2) + ")" + outcome.flatMap(FreeOutcome::failure)
                        .map(f -> ": the kernel refuses: " + f).orElse("")));
        return Value.outcomeOf(callId);
    }
}
