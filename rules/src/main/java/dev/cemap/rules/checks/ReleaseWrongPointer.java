package dev.cemap.rules.checks;

import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.ResourceKind;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Releases;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "release-wrong-pointer",
        level = Level.WARNING,
        summary = "A release call is given something other than what the allocator returned",
        description = "VirtualFree(p, 0, MEM_RELEASE), MmUnmapIoSpace, FreePhysMem and HalFreeCommonBuffer must get "
                + "back exactly what VirtualAlloc, MmMapIoSpace, AllocPhysMem or HalAllocateCommonBuffer returned: "
                + "not a pointer into the middle of it, not a pointer of another kind of allocation, not the "
                + "physical address, and for HalFreeCommonBuffer the allocation's own adapter, size and physical "
                + "address. Otherwise the kernel refuses the release (the resource leaks) or releases the wrong "
                + "pages.",
        help = """
                The CE 6 kernel releases a reservation only from its base: `VirtualFree(p, 0, MEM_RELEASE)`
                with `p` inside the reservation fails (vm.c looks the base up), so the reservation and its
                mappings leak. CEDDK's `MmUnmapIoSpace` rounds the pointer down to its page and releases
                from there, so a pointer a page or more into the mapping releases nothing or the wrong
                reservation. `FreePhysMem` and `HalFreeCommonBuffer` free physical buffers by the virtual
                address the allocator returned; an alias made with VirtualAlloc + VirtualCopy is not it.

                ```c
                pBase = VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_NOACCESS);
                pFrame = (BYTE *)pBase + FRAME_OFFSET;
                VirtualFree(pFrame, 0, MEM_RELEASE);        /* wrong: not the base */
                VirtualFree(pBase, 0, MEM_RELEASE);         /* right */

                pRegs = MmMapIoSpace(pa, size, FALSE);
                MmUnmapIoSpace((PVOID)pa.LowPart, size);   /* wrong: the physical address */
                MmUnmapIoSpace(pRegs, size);               /* right */

                pBuf = HalAllocateCommonBuffer(&adapter, size, &paBuf, FALSE);
                HalFreeCommonBuffer(NULL, 0, paBuf, pBuf, FALSE);      /* wrong: adapter and size */
                HalFreeCommonBuffer(&adapter, size, paBuf, pBuf, FALSE);
                ```
                Keep the pointer the allocator returned (and, for common buffers, its adapter, size and
                physical address) beside any pointer derived from it, and release that one. Offsets the
                replay cannot compute (a page offset of a physical address it does not know) are never
                reported.
                """,
        tags = {"correctness", "wince", "resource-leak"},
        precision = "high")
public final class ReleaseWrongPointer implements Rule {

    /** The physical addresses this path mapped with MmMapIoSpace, and the adapters of its common buffers. */
    private static final FactKey<Map<Integer, Value>> ALLOCATION_ARGUMENTS = FactKey.keptWhereAgreed(
            "allocation-arguments", Map.of());
    private static final FactKey<Set<Long>> MAPPED_PHYSICAL = FactKey.keptWhereAgreed("mapped-physical", Set.of());

    /** Init allocates, Deinit releases: compared where the engine replays Deinit after Init. */
    @Override
    public boolean followsLifetimes() {
        return true;
    }

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (event instanceof ReplayEvent.MapIoSpace map && map.physical().isKnown()
                && map.physical().pointee().isEmpty()) {
            Set<Long> mapped = new java.util.HashSet<>(context.path().fact(MAPPED_PHYSICAL));
            if (mapped.add(map.physical().longValue())) {
                context.setFact(MAPPED_PHYSICAL, Set.copyOf(mapped));
            }
        } else if (event instanceof ReplayEvent.PhysicalAllocation allocation) {
            Map<Integer, Value> adapters = new HashMap<>(context.path().fact(ALLOCATION_ARGUMENTS));
            adapters.put(allocation.region().regionId(), allocation.adapter());
            context.setFact(ALLOCATION_ARGUMENTS, Map.copyOf(adapters));
        } else if (event instanceof ReplayEvent.Release release && release.releases()) {
            // Released before on this path: double-release reports it, unless the pointer is interior.
            boolean again = release.region().map(r -> Releases.releasedBefore(r.regionId(), release.site(), context))
                    .orElse(false) && !(release.address().pointee().orElse(null) instanceof Pointee.Region pointer
                            && Releases.interiorOffset(release.api(), pointer).isPresent());
            if (!again) {
                // The defect is in the release call itself, whichever caller of a cleanup helper reached it.
                CallSite at = new CallSite(release.site().location(), release.site().function(),
                        release.site().callee(), release.site().argumentTexts());
                String call = release.api() + "(" + String.join(", ", release.site().argumentTexts()) + ") ";
                // A size of 0 is wrong whatever the allocation was: reported alone, in words that do
                // not depend on whether this replay saw the allocation, so the call is one finding.
                Optional<String> zeroSize = release instanceof ReplayEvent.PhysicalFree free && release.region()
                        .map(region -> region.kind() == ResourceKind.COMMON_BUFFER).orElse(true)
                        ? zeroCommonBufferSize(free) : Optional.empty();
                zeroSize.or(() -> problem(release, context))
                        .ifPresent(problem -> report(context, at, call + problem, flow(release)));
            }
            Releases.recordRelease(event, context);
        }
    }

    private static Optional<String> problem(ReplayEvent.Release release, CheckerContext context) {
        Value address = release.address();
        String pointerText = release.site().argument(Releases.addressIndex(release.api()));
        Optional<RegionOrigin> origin = release.region();
        if (origin.isEmpty()) {
            return physicalAddress(address, pointerText, context);
        }
        RegionOrigin region = origin.get();
        ResourceKind meant = ResourceKind.releasedBy(release.api()).orElseThrow();
        if (!Releases.accepts(meant, region.kind())) {
            return Optional.of("is given " + pointerText + ", the " + region.kind().noun() + " "
                    + describe(region) + ", which " + release.api() + " does not release; release it with "
                    + region.kind().release());
        }
        if (address.pointee().orElse(null) instanceof Pointee.Region pointer
                && Releases.interiorOffset(release.api(), pointer).isPresent()) {
            long offset = pointer.offset().getAsLong();
            return Optional.of("is given " + pointerText + " = base + " + Hex.of(offset) + " of the "
                    + region.kind().noun() + " " + describe(region) + ", not its base: the kernel releases "
                    + (release.api().equals("MmUnmapIoSpace") ? "the wrong pages or nothing" : "nothing")
                    + " and the " + region.kind().noun() + " leaks; pass the pointer "
                    + region.site().callee() + " returned");
        }
        if (release instanceof ReplayEvent.PhysicalFree free && region.kind() == ResourceKind.COMMON_BUFFER) {
            return commonBufferArguments(free, region, context);
        }
        return Optional.empty();
    }

    /** (c): the physical address of a mapping or of kernel RAM, where the mapped pointer belongs. */
    private static Optional<String> physicalAddress(Value address, String pointerText, CheckerContext context) {
        boolean physical = address.isPhysicalAddressField()
                || address.pointee().orElse(null) instanceof Pointee.Heap heap && heap.physicalOf() > 0
                || address.pointee().isEmpty() && address.isKnown() && address.longValue() != 0
                        && context.path().fact(MAPPED_PHYSICAL).contains(address.longValue());
        if (!physical) {
            return Optional.empty();
        }
        return Optional.of("is given " + pointerText + ", a physical address, not the virtual pointer the "
                + "allocation or mapping returned: nothing at that address is released and the mapping leaks; "
                + "pass the pointer MmMapIoSpace (or the allocator) returned");
    }

    /**
     * (d) a size of 0: no common buffer's size, whatever the allocation was, so it is reported also
     * where the allocation is out of sight (another function stored the buffer).
     */
    private static Optional<String> zeroCommonBufferSize(ReplayEvent.PhysicalFree free) {
        if (!free.api().equals("HalFreeCommonBuffer") || !isNull(free.size())) {
            return Optional.empty();
        }
        return Optional.of("gives the size 0" + (isNull(free.adapter()) ? " and a NULL adapter" : "")
                + " for the common buffer " + free.site().argument(3)
                + ", which cannot be the size it was allocated with; pass the allocation's own adapter, "
                + "size and physical address (CEDDK frees by the virtual address today, so this is latent until an "
                + "implementation uses them)");
    }

    /** (d): HalFreeCommonBuffer with an adapter, size or physical address other than the allocation's. */
    private static Optional<String> commonBufferArguments(ReplayEvent.PhysicalFree free, RegionOrigin region,
            CheckerContext context) {
        List<String> wrong = new ArrayList<>();
        if (free.size().isKnown() && free.size().pointee().isEmpty()) {
            long size = free.size().longValue();
            if (size != 0 && region.size().isPresent() && region.size().getAsLong() != size) {
                wrong.add("the size " + free.site().argument(1) + " = " + Hex.of(size)
                        + " (allocated: " + region.site().argument(1)
                        + region.size().stream().mapToObj(s -> " = " + Hex.of(s)).findFirst().orElse("") + ")");
            }
        }
        Pointee physical = free.physical().pointee().orElse(null);
        if (physical instanceof Pointee.Heap heap && heap.physicalOf() > 0 && heap.physicalOf() != region.regionId()) {
            wrong.add("the physical address of another buffer ("
                    + context.region(heap.physicalOf()).map(ReleaseWrongPointer::describe).orElse("another allocation")
                    + ")");
        } else if (physical == null && free.physical().isKnown()) {
            wrong.add("the physical address " + Hex.addr(free.physical().longValue())
                    + ", which HalAllocateCommonBuffer did not return");
        }
        Value allocated = context.path().fact(ALLOCATION_ARGUMENTS).get(region.regionId());
        if (allocated != null && isNull(free.adapter()) && !isNull(allocated) && !allocated.isUnknown()) {
            wrong.add("a NULL adapter (allocated with " + region.site().argument(0) + ")");
        }
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("gives " + String.join(", ", wrong) + " for the common buffer " + describe(region)
                + "; pass the allocation's own adapter, size and physical address (CEDDK frees by the virtual "
                + "address today, so this is latent until an implementation uses them)");
    }

    private static boolean isNull(Value value) {
        return value.isKnown() && value.longValue() == 0 && value.pointee().isEmpty();
    }

    private static String describe(RegionOrigin region) {
        return "from " + region.site().callee() + " at line " + region.site().location().line();
    }

    private static List<TraceStep> flow(ReplayEvent.Release release) {
        List<TraceStep> steps = new ArrayList<>();
        release.region().ifPresent(region -> steps.add(new TraceStep(region.site().location(), region.describe())));
        steps.add(new TraceStep(release.site().location(), release.api() + " of " + release.site().argument(
                Releases.addressIndex(release.api()))));
        return steps;
    }
}
