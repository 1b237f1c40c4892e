package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.analyzer.state.PendingCall;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CopyOutcome;
import dev.cemap.emulator.Hex;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code VirtualCopy(dest, source, size, protect)} against the emulated page tables. It returns a
 * symbol standing for its success: a branch on it tells the path whether the pages were mapped.
 */
final class CopyModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value dest = call.value("dest");
        Value source = call.value("source");
        Value size = call.value("size");
        Value protect = call.value("protect");
        Optional<RegionOrigin> destRegion = Regions.regionOf(dest, context);
        OptionalLong destAddress = Regions.emulatedAddress(state, dest);
        Optional<CopyOutcome> outcome = Optional.empty();
        boolean sourceKnown = source.isKnown();
        if (destAddress.isPresent() && size.isKnown() && protect.isKnown()) {
            long to = destAddress.getAsLong();
            OptionalLong from = sourceKnown ? source.number() : standInSource(to, (int) protect.longValue());
            if (from.isPresent()) {
                outcome = Optional.of(Regions.firstPagesOf(state.emulation().operate()
                        .virtualCopy(to, from.getAsLong(), size.longValue(), (int) protect.longValue())));
            }
        }
        context.emit(new ReplayEvent.Copy(call.site(), dest, source, size, protect, destRegion, destAddress,
                sourceKnown, outcome), state);
        int callId = context.newCallId();
        boolean mapped = outcome.map(CopyOutcome::success).orElse(false);
        state.pending(callId, new PendingCall(destRegion.map(RegionOrigin::regionId).orElse(-1),
                mapped ? destAddress : OptionalLong.empty(), size.number().orElse(0), null));
        state.step(new TraceStep(call.site().location(), "VirtualCopy" + destAddress.stream()
                .mapToObj(a -> " to " + Hex.addr(a)).findFirst().orElse("")
                + size.number().stream().mapToObj(n -> ", " + Hex.of(n) + " bytes").findFirst().orElse("")
                + outcome.map(o -> o.success() ? "" : ": the kernel refuses: " + String.join("; ", o.reasons()))
                        .orElse("")));
        return Value.outcomeOf(callId);
    }

    /**
     * A source whose offset matches the destination, so that the emulator still records which
     * pages the copy commits when the real source is unknown.
     */
    private static OptionalLong standInSource(long dest, int protect) {
        if ((protect & Ce.PAGE_PHYSICAL) == 0) {
            return OptionalLong.empty();
        }
        long offset = Ce.pageOffset(dest);
        if ((offset & 0xFF) != 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((0x10000000L | offset) >>> 8);
    }
}
