package dev.cemap.rules.checks;

import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.rules.Releases;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "double-release",
        level = Level.WARNING,
        summary = "A reservation, mapping or physical buffer is released twice on one path",
        description = "VirtualFree(p, 0, MEM_RELEASE), MmUnmapIoSpace, FreePhysMem or HalFreeCommonBuffer on a "
                + "pointer this path already released. "
                + "The second call fails while nothing else reuses the address, and releases another driver's "
                + "memory once something does: a later VirtualAlloc may have been given the same range; a physical "
                + "buffer freed twice gives back pages another allocation may already own.",
        help = """
                Release each reservation or mapping once. The usual shape is an error path that releases
                and then falls into a common cleanup that releases again, or a cleanup that releases a
                member without clearing it, so that the next cleanup releases it a second time:

                ```c
                if (!VirtualCopy(pRegs, (PVOID)(PA >> 8), size, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL)) {
                    VirtualFree(pRegs, 0, MEM_RELEASE);
                    goto cleanup;                      /* cleanup releases pRegs again */
                }
                ...
                cleanup:
                    if (pRegs) VirtualFree(pRegs, 0, MEM_RELEASE);
                ```
                Clear the pointer after releasing it (`pRegs = NULL;`) so that later cleanups skip it.
                """,
        tags = {"correctness", "wince", "resource-leak"},
        precision = "high")
public final class DoubleRelease implements Rule {

    /**
     * Release calls already reported in this replay: one redundant release is one defect, whichever
     * earlier release each path went through (the first path's is named).
     */
    private static final FactKey<Set<SourceLocation>> REPORTED_AT = FactKey.of("double-release-reported", Set.of(),
            FactKey::union);

    @Override
    public void onPreCall(ApiCall call, CheckerContext context) {
        // A pointer into the middle releases nothing: release-wrong-pointer reports it.
        Optional<Integer> region = Releases.releasedRegion(call)
                .filter(pointer -> Releases.interiorOffset(call.api().name(), pointer).isEmpty())
                .map(Pointee.Region::regionId);
        if (region.isEmpty() || context.path().status(region.get()).orElse(null) != RegionStatus.RELEASED) {
            return;
        }
        Set<SourceLocation> reported = context.rootFact(REPORTED_AT);
        SourceLocation site = call.site().reportLocation();
        if (reported.contains(site)) {
            return;
        }
        Set<SourceLocation> now = new HashSet<>(reported);
        now.add(site);
        context.setRootFact(REPORTED_AT, Set.copyOf(now));
        String where = Releases.releasedWhere(region.get(), context);
        report(context, call.site(), call.api().name() + "(" + String.join(", ", call.site().argumentTexts())
                + ") releases what this path already released " + where + "; release it once, and set the pointer "
                + "to NULL after releasing it", context.path().trace());
    }

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        Releases.recordRelease(event, context);
    }
}
