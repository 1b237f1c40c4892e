package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.emulator.CopyOutcome;
import dev.cemap.emulator.FreeOutcome;
import dev.cemap.emulator.MapOutcome;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One mapping API call met by the replay, with its evaluated arguments and what the emulated
 * memory manager did with it. Rules read these; they never see the parser's types.
 */
public sealed interface ReplayEvent {

    CallSite site();

    /** {@code VirtualAlloc(address, size, allocationType, protect)}. */
    record Alloc(CallSite site, RegionOrigin region, Value address, Value size, Value allocationType,
            Value protect, Optional<String> emulatorFailure) implements ReplayEvent {
    }

    /**
     * {@code VirtualCopy(dest, source, size, protect)}.
     *
     * @param destRegion    the VirtualAlloc/MmMapIoSpace region the destination points into
     * @param destAddress   the emulated destination address, when region placement and offset are known
     * @param sourceKnown   false when the emulator was given a stand-in source (offset checks are meaningless)
     * @param outcome       what the emulated kernel answered, when it could be asked
     */
    record Copy(CallSite site, Value dest, Value source, Value size, Value protect,
            Optional<RegionOrigin> destRegion, OptionalLong destAddress, boolean sourceKnown,
            Optional<CopyOutcome> outcome) implements ReplayEvent {
    }

    /** {@code VirtualFree(address, size, freeType)}. */
    record Free(CallSite site, Value address, Value size, Value freeType, Optional<RegionOrigin> region,
            Optional<FreeOutcome> outcome) implements ReplayEvent {
    }

    /**
     * {@code MmMapIoSpace(physical, size, cacheEnable)}, CEDDK's VirtualAlloc + VirtualCopy.
     *
     */
    record MapIoSpace(CallSite site, RegionOrigin region, Value physical, Value size, Value cacheEnable,
            Optional<MapOutcome> outcome) implements ReplayEvent {
    }

    /** Another modelled call rules may care about (CreateStaticMapping, VirtualAllocCopyEx, …). */
    record Call(CallSite site, ApiSpec api, java.util.List<Value> arguments) implements ReplayEvent {
    }

    /** {@code MmUnmapIoSpace(address, size)}. */
    record UnmapIoSpace(CallSite site, Value address, Value size, Optional<RegionOrigin> region)
            implements ReplayEvent {
    }

    /** {@code VirtualSetAttributes(address, size, bits, mask, oldBits)}. */
    record SetAttributes(CallSite site, Value address, Value size, Value bits, Value mask,
            Optional<RegionOrigin> region) implements ReplayEvent {
    }
}
