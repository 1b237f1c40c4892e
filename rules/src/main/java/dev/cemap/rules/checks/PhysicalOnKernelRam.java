package dev.cemap.rules.checks;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.project.KernelRam;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.PhysicalMemoryMap;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Flows;
import dev.cemap.rules.PhysicalRange;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import dev.cemap.rules.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "physical-on-kernel-ram",
        level = Level.ERROR,
        summary = "PAGE_PHYSICAL mapping of RAM the kernel manages",
        description = "PAGE_PHYSICAL (and MmMapIoSpace, which uses it) is for memory the kernel does not manage: "
                + "device registers and RAM left out of the kernel (RESERVED entries of config.bib). Mapping RAM the "
                + "kernel owns (the RAM and RAMIMAGE entries of config.bib, translated to physical through the "
                + "OEMAddressTable) or memory from AllocPhysMem / HalAllocateCommonBuffer gives the kernel's pages a "
                + "second owner: when the mapping is freed the kernel's page reference counts go wrong and pages "
                + "it still uses return to its free list. Not reported when kernel RAM is unknown (no config.bib or "
                + "no OEMAddressTable).",
        help = """
                The kernel keeps reference counts for the RAM it manages. A PAGE_PHYSICAL VirtualCopy (or
                MmMapIoSpace) of such RAM creates mappings the kernel does not count; freeing them releases
                pages that are still in use, which corrupts memory much later and far away.

                Keep such buffers out of the kernel's RAM (a RESERVED entry in config.bib) and map those, or
                share kernel-allocated memory without PAGE_PHYSICAL:

                ```
                ; config.bib MEMORY
                    RAM      82100000  05C00000  RAM
                    CAMBUF   87D00000  00100000  RESERVED   ; physical 0x57D00000, mapped by the camera driver
                ```
                For memory from AllocPhysMem, use the virtual address it returns (or VirtualCopy from that
                virtual address without PAGE_PHYSICAL) instead of mapping its physical address again.
                """,
        tags = {"correctness", "wince", "memory-mapping", "memory-corruption"},
        precision = "high")
public final class PhysicalOnKernelRam implements Rule {

    private static final Set<String> KERNEL_ALLOCATORS = Set.of("AllocPhysMem", "HalAllocateCommonBuffer");

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        KernelRam kernelRam = context.bsp().kernelRamFor(context.functionLocation().file());
        allocatorSource(event, context).or(() -> configBibRam(event, kernelRam))
                .ifPresent(message -> report(context, event.site(), message, flowOf(event)));
    }

    /** A PAGE_PHYSICAL source (or MmMapIoSpace address) that the replay traced to a kernel allocator. */
    private static Optional<String> allocatorSource(ReplayEvent event, CheckerContext context) {
        Value source;
        String api;
        if (event instanceof ReplayEvent.Copy copy && Values.isPhysicalCopy(copy.protect())) {
            source = copy.source();
            api = "VirtualCopy with PAGE_PHYSICAL";
        } else if (event instanceof ReplayEvent.MapIoSpace map) {
            source = map.physical();
            api = "MmMapIoSpace";
        } else {
            return Optional.empty();
        }
        Optional<String> allocator = kernelAllocatorOf(source, context);
        if (allocator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(api + " of " + event.site().argument(event instanceof ReplayEvent.Copy ? 1 : 0)
                + ", memory from " + allocator.get() + ": the kernel already manages these pages, and freeing a "
                + "second, uncounted mapping of them corrupts its page reference counts. Use the virtual address "
                + allocator.get() + " returned instead");
    }

    /** The kernel allocator behind a physical address it gave, or behind a buffer it returned. */
    private static Optional<String> kernelAllocatorOf(Value source, CheckerContext context) {
        Pointee pointee = source.pointee().orElse(null);
        if (pointee instanceof Pointee.Heap heap && KERNEL_ALLOCATORS.contains(heap.allocator())) {
            return Optional.of(heap.allocator());
        }
        if (pointee instanceof Pointee.Region region) {
            return context.region(region.regionId()).filter(origin -> origin.kind().isCommittedMemory())
                    .map(origin -> origin.site().callee());
        }
        return Optional.empty();
    }

    /** A known physical range overlapping a RAM or RAMIMAGE entry of config.bib. */
    private static Optional<String> configBibRam(ReplayEvent event, KernelRam kernelRam) {
        Optional<PhysicalRange> range = PhysicalRange.of(event);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        Optional<PhysicalMemoryMap.Range> ram = kernelRam.overlapping(range.get().base(), range.get().size());
        return ram.map(owned -> range.get().api() + " maps physical " + range.get().describe() + ", which is RAM the "
                + "kernel manages (" + owned.origin() + ", physical " + describe(owned) + "); PAGE_PHYSICAL is only "
                + "for memory the kernel does not own. Reserve the buffer in config.bib (a RESERVED entry) or "
                + "allocate it with AllocPhysMem and use the address that returns");
    }

    private static String describe(PhysicalMemoryMap.Range range) {
        return dev.cemap.emulator.Hex.addr(range.base()) + "–" + dev.cemap.emulator.Hex.addr(range.endExclusive() - 1);
    }

    private static List<TraceStep> flowOf(ReplayEvent event) {
        return event instanceof ReplayEvent.Copy copy ? Flows.ofCopy(copy) : Flows.ofMap((ReplayEvent.MapIoSpace) event);
    }
}
