package dev.cemap.rules;

import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.replay.ResourceKind;
import dev.cemap.emulator.Ce;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What the release rules share: which calls give a resource back, the pointer they give, where a path gave it. */
public final class Releases {

    /** Where this path released each region it released. */
    private static final FactKey<Map<Integer, CallSite>> RELEASED_AT = FactKey.keptWhereAgreed("released-at", Map.of());

    private Releases() {
    }

    /**
     * The pointer a release call is about to give back: MmUnmapIoSpace, FreePhysMem,
     * HalFreeCommonBuffer, or VirtualFree with MEM_RELEASE; empty for any other call.
     */
    public static Optional<Value> releasedPointer(ApiCall call) {
        if (ResourceKind.releasedBy(call.api().name()).isEmpty()) {
            return Optional.empty();
        }
        if (call.api().is("VirtualFree") && !(call.value("freeType").isKnown()
                && (call.value("freeType").longValue() & Ce.MEM_RELEASE) != 0)) {
            return Optional.empty();
        }
        return Optional.of(call.value("address"));
    }

    /** The region a release call is about to give back, when the pointer points into one. */
    public static Optional<Pointee.Region> releasedRegion(ApiCall call) {
        return releasedPointer(call).flatMap(Value::pointee).filter(Pointee.Region.class::isInstance)
                .map(Pointee.Region.class::cast);
    }

    /**
     * Whether a release API gives back a resource of this kind. VirtualFree and MmUnmapIoSpace both
     * release a VirtualAlloc reservation (CEDDK's MmUnmapIoSpace is VirtualFree of the pointer's
     * page); the physical buffers go back through their own API only.
     */
    public static boolean accepts(ResourceKind meant, ResourceKind kind) {
        boolean reservation = kind == ResourceKind.RESERVATION || kind == ResourceKind.IO_MAPPING;
        boolean releasesReservations = meant == ResourceKind.RESERVATION || meant == ResourceKind.IO_MAPPING;
        return meant == kind || reservation && releasesReservations;
    }

    /**
     * The known offset from the region's base of a pointer a release API is given, when that API
     * would not find the base from it: any nonzero offset, except for MmUnmapIoSpace, which rounds
     * the pointer down to its page (MmMapIoSpace itself returns base + the page offset).
     */
    public static OptionalLong interiorOffset(String api, Pointee.Region pointer) {
        if (pointer.offset().isEmpty()) {
            return OptionalLong.empty();
        }
        long offset = pointer.offset().getAsLong();
        long kept = api.equals("MmUnmapIoSpace") ? offset & ~(Ce.PAGE_SIZE - 1) : offset;
        return kept == 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** The position of the pointer given back among a release API's arguments. */
    public static int addressIndex(String api) {
        return api.equals("HalFreeCommonBuffer") ? 3 : 0;
    }

    /** Records where this path released a region, the first time it does (a fact shared by the release rules). */
    public static void recordRelease(ReplayEvent event, CheckerContext context) {
        Optional<Integer> region = event instanceof ReplayEvent.Release release && release.releases()
                ? release.region().map(RegionOrigin::regionId) : Optional.empty();
        region.filter(id -> !context.path().fact(RELEASED_AT).containsKey(id)).ifPresent(id -> {
            Map<Integer, CallSite> released = new HashMap<>(context.path().fact(RELEASED_AT));
            released.put(id, event.site());
            context.setFact(RELEASED_AT, Map.copyOf(released));
        });
    }

    /** True when this path released the region at another call before this one. */
    public static boolean releasedBefore(int regionId, CallSite release, CheckerContext context) {
        CallSite first = context.path().fact(RELEASED_AT).get(regionId);
        return first != null && !first.location().equals(release.location());
    }

    /** Where this path first released the region: "at line N", or "earlier on this path". */
    public static String releasedWhere(int regionId, CheckerContext context) {
        CallSite first = context.path().fact(RELEASED_AT).get(regionId);
        return first == null ? "earlier on this path" : "at line " + first.location().line();
    }
}
