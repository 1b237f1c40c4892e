package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.state.PathState;

/**
 * {@code AllocPhysMem} and {@code HalAllocateCommonBuffer}: committed kernel memory whose physical
 * address comes back through an out-argument. What the code later maps with PAGE_PHYSICAL or
 * MmMapIoSpace from that address is RAM the kernel manages.
 */
final class PhysicalAllocationModel implements ApiModel {

    @Override
    public Value apply(ApiCall call, PathState state, ModelContext context) {
        Value kernelRam = Value.pointingTo(new Pointee.Heap(call.api().name()));
        call.argument("physical").outTarget().ifPresent(key -> {
            if (call.api().is("HalAllocateCommonBuffer")) {
                // A PHYSICAL_ADDRESS: both views of the same number.
                context.write(state, new StorageKey.Field(key, "QuadPart"), kernelRam);
                context.write(state, new StorageKey.Field(key, "LowPart"), kernelRam);
            } else {
                context.write(state, key, kernelRam);
            }
        });
        return Value.pointingTo(new Pointee.Heap(call.api().name()));
    }
}
