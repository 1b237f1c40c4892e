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

    /** A call that gives a resource back: VirtualFree, MmUnmapIoSpace, FreePhysMem, HalFreeCommonBuffer. */
    sealed interface Release extends ReplayEvent {

        /** The pointer given back. */
        Value address();

        /** The region {@link #address()} points into, when the replay created it. */
        Optional<RegionOrigin> region();

        /** The API called. */
        default String api() {
            return site().callee();
        }

        /** False when the call cannot release anything (VirtualFree with MEM_DECOMMIT or a non-zero size). */
        default boolean releases() {
            return true;
        }
    }

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
            Optional<FreeOutcome> outcome) implements Release {

        @Override
        public boolean releases() {
            return freeType.isKnown() && (freeType.longValue() & dev.cemap.emulator.Ce.MEM_RELEASE) != 0
                    && size.isKnown() && size.longValue() == 0;
        }
    }

    /**
     * {@code AllocPhysMem(size, protect, alignment, flags, &physical)} or
     * {@code HalAllocateCommonBuffer(adapter, size, &physical, cached)}.
     *
     * @param cached true when the CPU's view is cacheable (no PAGE_NOCACHE; CacheEnabled TRUE), when known
     */
    record PhysicalAllocation(CallSite site, RegionOrigin region, Value size, Value adapter, Optional<Boolean> cached)
            implements ReplayEvent {
    }

    /**
     * {@code FreePhysMem(address)} or {@code HalFreeCommonBuffer(adapter, size, physical, address, cached)}.
     *
     * @param size      HalFreeCommonBuffer's size (unknown for FreePhysMem)
     * @param physical  HalFreeCommonBuffer's physical address (unknown for FreePhysMem)
     * @param adapter   HalFreeCommonBuffer's adapter (unknown for FreePhysMem)
     */
    record PhysicalFree(CallSite site, Value address, Value size, Value physical, Value adapter,
            Optional<RegionOrigin> region) implements Release {
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
            implements Release {
    }

    /** {@code VirtualSetAttributes(address, size, bits, mask, oldBits)}. */
    record SetAttributes(CallSite site, Value address, Value size, Value bits, Value mask,
            Optional<RegionOrigin> region) implements ReplayEvent {
    }
}
