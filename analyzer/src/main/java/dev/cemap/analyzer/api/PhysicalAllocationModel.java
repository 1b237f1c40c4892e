package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.ResourceKind;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.Ce;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code AllocPhysMem} and {@code HalAllocateCommonBuffer}: committed kernel memory, whole pages
 * (CE rounds the size up to pages and the start is page-aligned), returned as a new region whose
 * physical address comes back through an out-argument. The buffer must go back through
 * FreePhysMem / HalFreeCommonBuffer; what the code later maps with PAGE_PHYSICAL or MmMapIoSpace
 * from that physical address is RAM the kernel manages.
 */
final class PhysicalAllocationModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        ResourceKind kind = ResourceKind.allocatedBy(call.api().name()).orElse(ResourceKind.PHYSICAL_MEMORY);
        Value size = call.value("size");
        int regionId = context.newRegionId();
        Value kernelRam = Value.pointingTo(Pointee.Heap.physicalAddressOf(call.api().name(), regionId));
        call.argument("physical").outTarget().ifPresent(key -> {
            if (kind == ResourceKind.COMMON_BUFFER) {
                // A PHYSICAL_ADDRESS: both views of the same number.
                context.write(state, new StorageKey.Field(key, "QuadPart"), kernelRam);
                context.write(state, new StorageKey.Field(key, "LowPart"), kernelRam);
            } else {
                context.write(state, key, kernelRam);
            }
        });
        RegionOrigin region = new RegionOrigin(regionId, call.site(), size.number(), OptionalLong.of(Ce.MEM_COMMIT),
                Optional.empty(), kind);
        context.register(region);
        state.created(regionId);
        Value adapter = kind == ResourceKind.COMMON_BUFFER ? call.value("adapter") : Value.unknown();
        context.emit(new ReplayEvent.PhysicalAllocation(call.site(), region, size, adapter, cached(call, kind)), state);
        state.step(new TraceStep(call.site().location(), region.describe()));
        return Value.pointingTo(new Pointee.Region(regionId, OptionalLong.of(0)));
    }

    /** Whether the CPU sees the buffer through the cache: AllocPhysMem without PAGE_NOCACHE, CacheEnabled TRUE. */
    private static Optional<Boolean> cached(ApiCall call, ResourceKind kind) {
        Value flag = kind == ResourceKind.COMMON_BUFFER ? call.value("cached") : call.value("protect");
        if (!flag.isKnown()) {
            return Optional.empty();
        }
        return Optional.of(kind == ResourceKind.COMMON_BUFFER ? flag.longValue() != 0
                : (flag.longValue() & Ce.PAGE_NOCACHE) == 0);
    }
}
