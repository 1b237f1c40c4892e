package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.check.Report;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.check.FunctionExit;
import dev.cemap.analyzer.check.LifetimeEnd;
import dev.cemap.analyzer.check.PathView;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.rules.DriverContexts;
import java.util.List;
import dev.cemap.analyzer.replay.RegionStatus;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import dev.cemap.rules.RuleInfo;
import java.util.HashSet;
import java.util.Set;

@RuleInfo(
        id = "mapping-leak",
        level = Level.NOTE,
        summary = "A reservation, mapping or physical buffer is not released on some path",
        description = "Every resource of the mapping family must be released on every path: a VirtualAlloc "
                + "reservation, an MmMapIoSpace mapping, an AllocPhysMem buffer or a HalAllocateCommonBuffer common "
                + "buffer. An "
                + "error return that forgets it, an init function that fails after mapping (its Deinit is never "
                + "called), or a Deinit / destructor / Halt that does not release what Init stored, each loses "
                + "virtual address space every time the driver loads.",
        help = """
                Every `VirtualAlloc(..., MEM_RESERVE, ...)` needs a `VirtualFree(p, 0, MEM_RELEASE)` and every
                `MmMapIoSpace` an `MmUnmapIoSpace` on each path that does not hand the pointer on; likewise
                `AllocPhysMem` needs `FreePhysMem(p)` and `HalAllocateCommonBuffer` needs
                `HalFreeCommonBuffer(adapter, size, physical, p, cached)` with the allocation's own arguments:

                - an error return after the mapping (the second of three checks fails…) must release it;
                - an `XXX_Init` that fails must release what it already stored in globals or its device
                  context: the device manager does not call `XXX_Deinit` after a failed Init;
                - what Init / the constructor / MiniportInitialize stores must be released by Deinit / the
                  destructor / MiniportHalt.

                A leak costs address space (2 MB+ reservations on CE 5 come from the shared area, which is
                small) and, for mappings, page-table entries; drivers that are loaded and unloaded run
                out after a few hundred cycles. A lost physical buffer is worse: its pages of RAM are gone
                until the device restarts, and physically contiguous memory is scarce.

                Levels follow what was measured on the public CE 6 BSP trees cemap is checked on (see
                `bench/real-bsp/REVIEW.md`). A resource a function makes with its own call and loses at
                one of its own returns is a warning: 32 of 33 of those were right. Everything else is a
                note: a mapping made inside a helper and lost by its caller, one an init leaves behind
                or its Deinit / destructor does not release (about a third of all the rule's findings
                were right). The wrong ones are mappings that real drivers keep in caches served by
                conditions the replay cannot decide (which table entry covers an address), release in
                a destructor or shared cleanup the replay does not follow, or make in code a build does
                not compile. Set the rule's level with `rules: {mapping-leak: warning}` in `cemap.yaml`
                where your code is simpler than that.

                ```c
                pRegs = MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
                if (pRegs == NULL)
                    return 0;
                if (!InitHardware(pRegs)) {
                    MmUnmapIoSpace(pRegs, sizeof(UART_REGS));   /* without this, the mapping leaks */
                    return 0;
                }
                ```
                The replay follows each path; a pointer returned to the caller, stored in a global, a
                member or a structure reached through a parameter is not a leak of this function.
                """,
        tags = {"reliability", "wince", "resource-leak"},
        precision = "low")
public final class MappingLeak implements Rule {

    /** Regions this path already reported: the functions it returns into do not report them again. */
    private static final FactKey<Set<Integer>> REPORTED = FactKey.of("leak-reported", Set.of(), FactKey::union);
    /** Regions reported as left after the paired exit, over all successful paths of the init. */
    private static final FactKey<Set<Integer>> REPORTED_AFTER_LIFETIME = FactKey.of("leak-reported-lifetime",
            Set.of(), FactKey::union);

    /** Regions this path created outside paired exits (this rule does not hear the calls of those). */
    private static final FactKey<Set<Integer>> CREATED = FactKey.of("leak-created", Set.of(), FactKey::union);

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        Optional<RegionOrigin> created = event instanceof ReplayEvent.Alloc alloc ? Optional.of(alloc.region())
                : event instanceof ReplayEvent.MapIoSpace map ? Optional.of(map.region())
                : event instanceof ReplayEvent.PhysicalAllocation allocation ? Optional.of(allocation.region())
                : Optional.empty();
        created.filter(region -> !context.path().fact(CREATED).contains(region.regionId())).ifPresent(region -> {
            Set<Integer> now = new HashSet<>(context.path().fact(CREATED));
            now.add(region.regionId());
            context.setFact(CREATED, Set.copyOf(now));
        });
    }

    /** At an exit, a region created below and held only by the exiting function's locals is lost. */
    @Override
    public void onFunctionExit(FunctionExit exit, CheckerContext context) {
        PathView path = context.path();
        if (path.isMerged() || runsForTheSystemsLife(context)) {
            return;
        }
        Set<Integer> reported = new HashSet<>(path.fact(REPORTED));
        for (Map.Entry<Integer, RegionStatus> entry : new TreeMap<>(path.regions()).entrySet()) {
            int regionId = entry.getKey();
            if (!entry.getValue().isHeld() || !exit.regionsCreated().contains(regionId) || path.hasEscaped(regionId)
                    || reported.contains(regionId) || exit.returned().pointsInto(regionId)) {
                continue;
            }
            Optional<String> heldOnlyIn = heldOnlyByLocals(exit, path, regionId);
            if (heldOnlyIn.isEmpty()) {
                continue;
            }
            context.region(regionId).ifPresent(region -> context.report(new Report(region.site(),
                    "the " + nounOf(region) + " made here is lost on a path where " + exit.function() + " returns without releasing "
                            + "it; release it with " + releaseOf(region) + " before that return",
                    path.trace(), lostAtReturnLevel(region), List.of(lostAt(exit.site(), heldOnlyIn.get(), path)))));
            reported.add(regionId);
        }
        context.setFact(REPORTED, Set.copyOf(reported));
    }

    @Override
    public void onLifetimeEnd(LifetimeEnd end, CheckerContext context) {
        PathView path = context.path();
        if (runsForTheSystemsLife(context)) {
            return;
        }
        for (Map.Entry<Integer, RegionStatus> entry : new TreeMap<>(path.regions()).entrySet()) {
            int regionId = entry.getKey();
            if (!entry.getValue().isHeld() || path.hasEscaped(regionId) || path.fact(REPORTED).contains(regionId)) {
                continue;
            }
            Optional<String> holder = longLivedHolder(path, regionId, end.context());
            if (end.kind() == LifetimeEnd.Kind.PAIRED_EXIT_ENDED && holder.isEmpty()
                    && path.fact(CREATED).contains(regionId) && end.ends().stream().allMatch(other -> isDropped(other, regionId))) {
                context.region(regionId).ifPresent(region -> reportDropped(end, context, region));
                continue;
            }
            // Reported when every way the lifetime can end leaves the region: the paths of a Deinit
            // differ by checks the replay cannot decide (a cookie, a window test), not by design.
            if (!end.ends().stream().allMatch(other -> isHeld(other, regionId, end.context()))) {
                continue;
            }
            Optional<RegionOrigin> origin = context.region(regionId);
            if (holder.isEmpty() || origin.isEmpty() || keptByAnotherFile(path, regionId, context)) {
                continue;
            }
            RegionOrigin region = origin.get();
            switch (end.kind()) {
                case INIT_FAILED -> context.report(new Report(region.site(), "the " + nounOf(region) + " made here" + held(holder.get())
                        + " stays when " + context.function() + " fails; " + (end.exitName().isEmpty()
                                ? "the paired exit is not called after a failed init, so release it with "
                                        + releaseOf(region) + " before returning failure"
                                : end.exitName() + ", which runs after a failed init, does not release it either: "
                                        + "release it with " + releaseOf(region) + " there or before returning failure"),
                        path.trace(), Optional.empty(), List.of(new TraceStep(end.site().location(),
                                context.function() + " returns failure here with the " + nounOf(region) + " still stored"))));
                case PAIRED_EXIT_ENDED, NO_PAIRED_EXIT -> reportAfterLifetime(end, context, region, holder.get());
            }
        }
    }

    /**
     * What the init stored and its paired exit cleared without releasing: nothing holds it any more
     * (the exit released another pointer, an alias, in its place, and then set the holder to NULL).
     */
    private void reportDropped(LifetimeEnd end, CheckerContext context, RegionOrigin region) {
        if (!firstReportAfterLifetime(context, region)) {
            return;
        }
        context.report(new Report(region.site(), "the " + nounOf(region) + " made here is never released: "
                + end.exitName() + " drops the last pointer to it without releasing it; release it there with "
                + releaseOf(region), context.path().trace(), Optional.empty(),
                List.of(new TraceStep(end.site().location(), end.exitName() + " ends here with the " + nounOf(region)
                        + " unreleased and nothing holding it"))));
    }

    /** True the first time a region is reported after its lifetime in this replay: once per region. */
    private static boolean firstReportAfterLifetime(CheckerContext context, RegionOrigin region) {
        Set<Integer> reported = context.rootFact(REPORTED_AFTER_LIFETIME);
        if (reported.contains(region.regionId())) {
            return false;
        }
        Set<Integer> now = new HashSet<>(reported);
        now.add(region.regionId());
        context.setRootFact(REPORTED_AFTER_LIFETIME, Set.copyOf(now));
        return true;
    }

    /** Still unreleased, handed to nobody, and no longer stored anywhere. */
    private static boolean isDropped(PathView path, int regionId) {
        return path.status(regionId).map(RegionStatus::isHeld).orElse(false) && !path.hasEscaped(regionId)
                && path.holdersOf(regionId).isEmpty();
    }

    /** What an init stored and its paired exit left: reported once per region, at the mapping call. */
    private void reportAfterLifetime(LifetimeEnd end, CheckerContext context, RegionOrigin region, String holder) {
        if (!firstReportAfterLifetime(context, region)) {
            return;
        }
        String message = end.kind() == LifetimeEnd.Kind.PAIRED_EXIT_ENDED
                ? "the " + nounOf(region) + " made here" + held(holder) + " is never released: " + end.exitName()
                        + " ends without releasing it; release it there with " + releaseOf(region)
                : "the " + nounOf(region) + " made here" + held(holder) + " is never released: there is no destructor "
                        + "to release it with " + releaseOf(region);
        List<TraceStep> related = end.kind() == LifetimeEnd.Kind.PAIRED_EXIT_ENDED
                ? List.of(new TraceStep(end.site().location(), end.exitName() + " ends here with the " + nounOf(region) + " still "
                        + "stored in " + holder))
                : List.of();
        context.report(new Report(region.site(), message, context.path().trace(), Optional.empty(), related));
    }

    /**
     * Where the region is held when only the exiting function's own locals hold it; empty when
     * something that outlives the function can still reach it: a global, a member, a caller's
     * variable, or a block reached through a local pointer.
     */
    private static Optional<String> heldOnlyByLocals(FunctionExit exit, PathView path, int regionId) {
        String heldIn = "";
        for (StorageKey key : path.holdersOf(regionId)) {
            if (!diesAt(exit, path, key, new HashSet<>())) {
                return Optional.empty();
            }
            heldIn = path.describe(key);
        }
        return Optional.of(heldIn);
    }

    /**
     * True when the place does not outlive the exit: a local of the function, or a heap block that
     * was freed or that only such places reach (a device context allocated, filled and dropped).
     */
    private static boolean diesAt(FunctionExit exit, PathView path, StorageKey key, Set<Integer> visiting) {
        StorageKey root = key.root();
        if (root instanceof StorageKey.Block block) {
            int id = block.id();
            if (path.isBlockFreed(id)) {
                return true;
            }
            if (path.hasBlockEscaped(id) || exit.returned().pointsToBlock(id) || !visiting.add(id)) {
                return false;
            }
            return path.holdersOfBlock(id).stream().allMatch(holder -> diesAt(exit, path, holder, visiting));
        }
        if (!exit.locals().contains(root)) {
            return false; // a global, a member, a caller's variable
        }
        // Stored through a local pointer to something the replay does not know: kept elsewhere.
        return key.equals(root) || !exit.pointerLocals().contains(root);
    }

    private static boolean isHeld(PathView path, int regionId, Optional<Value> context) {
        return path.status(regionId).map(RegionStatus::isHeld).orElse(false) && !path.hasEscaped(regionId)
                && longLivedHolder(path, regionId, context).isPresent();
    }

    /** Boot loaders, the OAL and KITL hold their mappings until the device is reset: nothing leaks. */
    private static boolean runsForTheSystemsLife(CheckerContext context) {
        List<ExecutionContext> contexts = DriverContexts.of(context);
        return !contexts.isEmpty() && contexts.stream().allMatch(c -> c.mode() == ExecutionContext.Mode.BARE_METAL);
    }

    /**
     * A mapping a library keeps in a {@code static} of its own (a BSP's MmMapIoSpace serving all
     * registers from one permanent window) is the library's: no caller releases it.
     */
    private static boolean keptByAnotherFile(PathView path, int regionId, CheckerContext context) {
        return path.holdersOf(regionId).stream().anyMatch(key -> key.root() instanceof StorageKey.Global global
                && global.isPrivateToAnotherFile(context.functionLocation().file()));
    }

    /** A global or a member holding the region: it lives on after the function. */
    private static Optional<String> longLivedHolder(PathView path, int regionId, Optional<Value> context) {
        return path.holdersOf(regionId).stream()
                .filter(key -> outlivesTheCall(path, key, context, new HashSet<>()))
                .map(path::describe)
                .findFirst();
    }

    /**
     * A global, a member, or a heap block one of them reaches, or the context the init returned
     * (the one its paired exit receives): places that live on after the init returns.
     */
    private static boolean outlivesTheCall(PathView path, StorageKey key, Optional<Value> context, Set<Integer> visiting) {
        StorageKey root = key.root();
        if (root instanceof StorageKey.Global || root instanceof StorageKey.This) {
            return true;
        }
        if (root instanceof StorageKey.Block block && visiting.add(block.id())) {
            return context.filter(value -> value.pointsToBlock(block.id())).isPresent()
                    || path.holdersOfBlock(block.id()).stream().anyMatch(h -> outlivesTheCall(path, h, context, visiting));
        }
        return false;
    }

    private static String describe(RegionOrigin region) {
        return region.site().callee() + "(" + String.join(", ", region.site().argumentTexts()) + ") at line "
                + region.site().location().line();
    }

    /** The exit where the mapping is lost, as a related place: a return of the function. */
    private static TraceStep lostAt(CallSite exit, String heldIn, PathView path) {
        return new TraceStep(exit.location(), "lost here" + (heldIn.isEmpty() ? "" : ": only " + heldIn
                + " held it, and it does not outlive the return"));
    }

    private static String held(String holder) {
        return holder.isEmpty() ? "" : " (held in " + holder + ")";
    }

    private static String releaseOf(RegionOrigin region) {
        return region.kind().release();
    }

    /**
     * A resource the returning function made itself, with its own call, and lost at one of its
     * own returns: no other function's code decides it, and on the development trees 9 in 10 of
     * these were right (32 of 33). One made inside a helper the replay followed (a mapper that may
     * serve a cached window) is a note, like the rule's other findings.
     */
    private static Optional<Level> lostAtReturnLevel(RegionOrigin region) {
        // A region made by a call inside a followed helper is reported from a call the replayed
        // function makes; one made by the replayed function's own call is lost at its own return.
        return region.site().isInlined() ? Optional.empty() : Optional.of(Level.WARNING);
    }

    private static String nounOf(RegionOrigin region) {
        return region.kind().noun();
    }
}
