package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.check.FunctionExit;
import dev.cemap.analyzer.check.LifetimeEnd;
import dev.cemap.analyzer.check.PathView;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.replay.RegionStatus;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import dev.cemap.rules.RuleInfo;
import java.util.HashSet;
import java.util.Set;

@RuleInfo(
        id = "mapping-leak",
        level = Level.WARNING,
        summary = "A reservation or mapping is not released on some path",
        description = "A VirtualAlloc reservation or an MmMapIoSpace mapping must be released on every path: an "
                + "error return that forgets it, an init function that fails after mapping (its Deinit is never "
                + "called), or a Deinit / destructor / Halt that does not release what Init stored, each loses "
                + "virtual address space every time the driver loads.",
        help = """
                Every `VirtualAlloc(..., MEM_RESERVE, ...)` needs a `VirtualFree(p, 0, MEM_RELEASE)` and every
                `MmMapIoSpace` an `MmUnmapIoSpace` on each path that does not hand the pointer on:

                - an error return after the mapping (the second of three checks fails…) must release it;
                - an `XXX_Init` that fails must release what it already stored in globals or its device
                  context: the device manager does not call `XXX_Deinit` after a failed Init;
                - what Init / the constructor / MiniportInitialize stores must be released by Deinit / the
                  destructor / MiniportHalt.

                A leak costs address space (2 MB+ reservations on CE 5 come from the shared area, which is
                small) and, for mappings, page-table entries; drivers that are loaded and unloaded run
                out after a few hundred cycles.

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
        precision = "high")
public final class MappingLeak implements Rule {

    /** Regions this path already reported: the functions it returns into do not report them again. */
    private static final FactKey<Set<Integer>> REPORTED = FactKey.of("leak-reported", Set.of(), FactKey::union);
    /** Regions reported as left after the paired exit, over all successful paths of the init. */
    private static final FactKey<Set<Integer>> REPORTED_AFTER_LIFETIME = FactKey.of("leak-reported-lifetime",
            Set.of(), FactKey::union);

    /** At an exit, a region created below and held only by the exiting function's locals is lost. */
    @Override
    public void onFunctionExit(FunctionExit exit, CheckerContext context) {
        PathView path = context.path();
        if (path.isMerged()) {
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
            context.region(regionId).ifPresent(region -> report(context, exit.site(),
                    "the mapping from " + describe(region) + held(heldOnlyIn.get()) + " is not released on the path "
                            + "that returns here; release it with " + releaseOf(region) + " before returning",
                    path.trace()));
            reported.add(regionId);
        }
        context.setFact(REPORTED, Set.copyOf(reported));
    }

    @Override
    public void onLifetimeEnd(LifetimeEnd end, CheckerContext context) {
        PathView path = context.path();
        for (Map.Entry<Integer, RegionStatus> entry : new TreeMap<>(path.regions()).entrySet()) {
            int regionId = entry.getKey();
            if (!entry.getValue().isHeld() || path.hasEscaped(regionId) || path.fact(REPORTED).contains(regionId)) {
                continue;
            }
            Optional<String> holder = longLivedHolder(path, regionId);
            Optional<RegionOrigin> origin = context.region(regionId);
            if (holder.isEmpty() || origin.isEmpty()) {
                continue;
            }
            RegionOrigin region = origin.get();
            switch (end.kind()) {
                case INIT_FAILED -> report(context, end.site(), context.function() + " fails here but leaves the "
                        + "mapping from " + describe(region) + held(holder.get()) + " in place; the paired exit is not "
                        + "called after a failed init, so release it with " + releaseOf(region) + " before returning",
                        path.trace());
                case PAIRED_EXIT_ENDED, NO_PAIRED_EXIT -> reportAfterLifetime(end, context, region, holder.get());
            }
        }
    }

    /** What an init stored and its paired exit left: reported once per region, at the mapping call. */
    private void reportAfterLifetime(LifetimeEnd end, CheckerContext context, RegionOrigin region, String holder) {
        Set<Integer> reported = context.rootFact(REPORTED_AFTER_LIFETIME);
        if (reported.contains(region.regionId())) {
            return;
        }
        Set<Integer> now = new HashSet<>(reported);
        now.add(region.regionId());
        context.setRootFact(REPORTED_AFTER_LIFETIME, Set.copyOf(now));
        String message = end.kind() == LifetimeEnd.Kind.PAIRED_EXIT_ENDED
                ? "the mapping from " + describe(region) + held(holder + " (through " + end.exitName() + ")")
                        + " is never released: release it with " + releaseOf(region) + " in the paired exit function"
                : "the mapping from " + describe(region) + held(holder) + " is never released: there is no destructor "
                        + "to release it with " + releaseOf(region);
        report(context, region.site(), message, context.path().trace());
    }

    /**
     * Where the region is held when only the exiting function's own locals hold it; empty when
     * something that outlives the function can still reach it: a global, a member, a caller's
     * variable, or a block reached through a local pointer.
     */
    private static Optional<String> heldOnlyByLocals(FunctionExit exit, PathView path, int regionId) {
        String heldIn = "";
        for (StorageKey key : path.holdersOf(regionId)) {
            StorageKey root = key.root();
            if (!exit.locals().contains(root)) {
                return Optional.empty();
            }
            if (!key.equals(root) && exit.pointerLocals().contains(root)) {
                return Optional.empty(); // stored through a pointer: kept elsewhere
            }
            heldIn = key.toString();
        }
        return Optional.of(heldIn);
    }

    /** A global or a member holding the region: it lives on after the function. */
    private static Optional<String> longLivedHolder(PathView path, int regionId) {
        return path.holdersOf(regionId).stream()
                .filter(key -> key.root() instanceof StorageKey.Global || key.root() instanceof StorageKey.This)
                .map(StorageKey::toString)
                .findFirst();
    }

    private static String describe(RegionOrigin region) {
        return region.site().callee() + "(" + String.join(", ", region.site().argumentTexts()) + ") at line "
                + region.site().location().line();
    }

    private static String held(String holder) {
        return holder.isEmpty() ? "" : " (held in " + holder + ")";
    }

    private static String releaseOf(RegionOrigin region) {
        return region.site().callee().equals("MmMapIoSpace") ? "MmUnmapIoSpace(p, size)" : "VirtualFree(p, 0, MEM_RELEASE)";
    }
}
