package dev.cemap.rules.checks;

import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@RuleInfo(
        id = "double-release",
        level = Level.WARNING,
        summary = "A reservation or mapping is released twice on one path",
        description = "VirtualFree(p, 0, MEM_RELEASE) or MmUnmapIoSpace on a pointer this path already released. "
                + "The second call fails while nothing else reuses the address, and releases another driver's "
                + "memory once something does: a later VirtualAlloc may have been given the same range.",
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

    /** Where this path released each region it released. */
    private static final FactKey<Map<Integer, CallSite>> RELEASED_AT = FactKey.keptWhereAgreed("released-at", Map.of());

    @Override
    public void onPreCall(ApiCall call, CheckerContext context) {
        Optional<Integer> region = releasedRegion(call);
        if (region.isEmpty() || context.path().status(region.get()).orElse(null) != RegionStatus.RELEASED) {
            return;
        }
        CallSite first = context.path().fact(RELEASED_AT).get(region.get());
        String where = first == null ? "earlier on this path" : "at line " + first.location().line();
        report(context, call.site(), call.api().name() + "(" + String.join(", ", call.site().argumentTexts())
                + ") releases what this path already released " + where + "; release it once, and set the pointer "
                + "to NULL after releasing it", context.path().trace());
    }

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        Optional<Integer> region = event instanceof ReplayEvent.UnmapIoSpace unmap
                ? unmap.region().map(r -> r.regionId())
                : event instanceof ReplayEvent.Free free && releases(free) ? free.region().map(r -> r.regionId())
                : Optional.empty();
        region.filter(id -> !context.path().fact(RELEASED_AT).containsKey(id)).ifPresent(id -> {
            Map<Integer, CallSite> released = new HashMap<>(context.path().fact(RELEASED_AT));
            released.put(id, event.site());
            context.setFact(RELEASED_AT, Map.copyOf(released));
        });
    }

    /** The region a release call is about to release: MmUnmapIoSpace, or VirtualFree with MEM_RELEASE. */
    private static Optional<Integer> releasedRegion(ApiCall call) {
        boolean unmap = call.api().is("MmUnmapIoSpace");
        boolean free = call.api().is("VirtualFree") && call.value("freeType").isKnown()
                && (call.value("freeType").longValue() & Ce.MEM_RELEASE) != 0;
        if (!unmap && !free) {
            return Optional.empty();
        }
        return call.value("address").pointee().filter(Pointee.Region.class::isInstance)
                .map(p -> ((Pointee.Region) p).regionId());
    }

    private static boolean releases(ReplayEvent.Free free) {
        return free.freeType().isKnown() && (free.freeType().longValue() & Ce.MEM_RELEASE) != 0
                && free.size().isKnown() && free.size().longValue() == 0;
    }
}
