package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.emulator.AllocOutcome;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CopyOutcome;
import dev.cemap.emulator.FreeOutcome;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.MapOutcome;
import dev.cemap.emulator.Reservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Replays one call of a modelled CE API against a path's emulated memory and records the event.
 * The evaluated arguments arrive in order; the result is the value the call returns: a region
 * pointer for allocations, a symbol standing for the call's success for VirtualCopy/VirtualFree.
 */
final class ApiCallReplayer {

    private static final int KEPT_PAGES = 2;

    private final Consumer<ReplayEvent> events;
    private final Map<Integer, RegionOrigin> regions = new HashMap<>();
    private int nextRegionId = 1;
    private int nextCallId = 1;

    ApiCallReplayer(Consumer<ReplayEvent> events) {
        this.events = events;
    }

    Optional<RegionOrigin> region(int regionId) {
        return Optional.ofNullable(regions.get(regionId));
    }

    /**
     * @param physicalArgument for MmMapIoSpace, the PHYSICAL_ADDRESS argument read through its
     *                         fields (it is passed as a struct)
     * @param highPartUnset    for MmMapIoSpace, whether that argument's HighPart was never set
     */
    Value replay(ReplayState state, MappingApi api, CallSite site, List<Value> arguments, Value physicalArgument,
            boolean highPartUnset) {
        return switch (api.effect()) {
            case RESERVE -> reserve(state, api, site, arguments);
            case COPY -> copy(state, api, site, arguments);
            case FREE -> free(state, api, site, arguments);
            case MAP_IO_SPACE -> mapIoSpace(state, api, site, arguments, physicalArgument, highPartUnset);
            case UNMAP_IO_SPACE -> unmapIoSpace(state, api, site, arguments);
            case SET_ATTRIBUTES -> setAttributes(api, site, arguments);
            case HEAP -> Value.pointingTo(new Pointee.Heap(api.functionName()));
            case FILE_VIEW -> Value.pointingTo(new Pointee.FileView());
            case RECORD -> {
                events.accept(new ReplayEvent.Call(site, api, arguments));
                yield Value.unknown();
            }
        };
    }

    private Value reserve(ReplayState state, MappingApi api, CallSite site, List<Value> args) {
        Value address = args.get(api.parameter("address"));
        Value size = args.get(api.parameter("size"));
        Value type = args.get(api.parameter("allocationType"));
        Value protect = args.get(api.parameter("protect"));
        int regionId = nextRegionId++;
        Optional<String> failure = Optional.empty();
        Optional<RegionOrigin.EmulatedPlacement> placement = Optional.empty();
        boolean addressChosenByKernel = address.isKnown() && address.longValue() == 0 && address.pointee().isEmpty();
        boolean fixedAddress = address.isKnown() && address.longValue() != 0;
        if (size.isKnown() && type.isKnown() && protect.isKnown() && (addressChosenByKernel || fixedAddress)) {
            Emulation emulation = state.emulation();
            AllocOutcome outcome = emulation.operate().virtualAlloc(address.longValue(), size.longValue(),
                    (int) type.longValue(), (int) protect.longValue());
            outcome.reservation().ifPresent(reservation -> emulation.bind(regionId, reservation));
            failure = outcome.failure();
            placement = outcome.reservation().map(ApiCallReplayer::placementOf);
        }
        RegionOrigin region = new RegionOrigin(regionId, site, size.number(), type.number(), placement);
        regions.put(regionId, region);
        state.created(regionId);
        events.accept(new ReplayEvent.Alloc(site, region, address, size, type, protect, failure));
        state.step(new TraceStep(site.location(), region.describe()));
        return Value.pointingTo(new Pointee.Region(regionId, OptionalLong.of(0)));
    }

    private Value copy(ReplayState state, MappingApi api, CallSite site, List<Value> args) {
        Value dest = args.get(api.parameter("dest"));
        Value source = args.get(api.parameter("source"));
        Value size = args.get(api.parameter("size"));
        Value protect = args.get(api.parameter("protect"));
        Optional<RegionOrigin> destRegion = regionOf(dest);
        OptionalLong destAddress = emulatedAddress(state, dest);
        Optional<CopyOutcome> outcome = Optional.empty();
        boolean sourceKnown = source.isKnown();
        if (destAddress.isPresent() && size.isKnown() && protect.isKnown()) {
            long to = destAddress.getAsLong();
            OptionalLong from = sourceKnown ? source.number() : standInSource(to, (int) protect.longValue());
            if (from.isPresent()) {
                outcome = Optional.of(firstPagesOf(state.emulation().operate()
                        .virtualCopy(to, from.getAsLong(), size.longValue(), (int) protect.longValue())));
            }
        }
        events.accept(new ReplayEvent.Copy(site, dest, source, size, protect, destRegion, destAddress, sourceKnown,
                outcome));
        int callId = nextCallId++;
        boolean mapped = outcome.map(CopyOutcome::success).orElse(false);
        state.pending(callId, new PendingCall(destRegion.map(RegionOrigin::regionId).orElse(-1),
                mapped ? destAddress : OptionalLong.empty(), size.number().orElse(0), null));
        state.step(new TraceStep(site.location(), "VirtualCopy" + destAddress.stream()
                .mapToObj(a -> " to " + Hex.addr(a)).findFirst().orElse("")
                + size.number().stream().mapToObj(n -> ", " + Hex.of(n) + " bytes").findFirst().orElse("")
                + outcome.map(o -> o.success() ? "" : ": the kernel refuses: " + String.join("; ", o.reasons()))
                        .orElse("")));
        return Value.outcomeOf(callId);
    }

    /**
     * The outcome as an event keeps it: a frame buffer maps thousands of pages on every path,
     * and findings show the first one (the page table itself keeps them all).
     */
    private static CopyOutcome firstPagesOf(CopyOutcome outcome) {
        if (outcome.mappedPages().size() <= KEPT_PAGES) {
            return outcome;
        }
        return new CopyOutcome(outcome.success(), outcome.failures(), outcome.reasons(),
                outcome.mappedPages().subList(0, KEPT_PAGES));
    }

    /**
     * A source whose offset matches the destination, so that the emulator still records which
     * pages the copy commits when the real source is unknown.
     */
    private static OptionalLong standInSource(long dest, int protect) {
        if ((protect & Ce.PAGE_PHYSICAL) == 0) {
            return OptionalLong.empty();
        }
        long offset = Ce.pageOffset(dest);
        if ((offset & 0xFF) != 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((0x10000000L | offset) >>> 8);
    }

    private Value free(ReplayState state, MappingApi api, CallSite site, List<Value> args) {
        Value address = args.get(api.parameter("address"));
        Value size = args.get(api.parameter("size"));
        Value freeType = args.get(api.parameter("freeType"));
        OptionalLong emulated = emulatedAddress(state, address);
        Optional<FreeOutcome> outcome = Optional.empty();
        if (emulated.isPresent() && size.isKnown() && freeType.isKnown()) {
            outcome = Optional.of(state.emulation().operate()
                    .virtualFree(emulated.getAsLong(), size.longValue(), (int) freeType.longValue()));
        }
        Optional<RegionOrigin> region = regionOf(address);
        events.accept(new ReplayEvent.Free(site, address, size, freeType, region, outcome));
        int callId = nextCallId++;
        boolean release = !freeType.isKnown() || (freeType.longValue() & Ce.MEM_RELEASE) != 0;
        if (region.isPresent() && release) {
            int id = region.get().regionId();
            RegionStatus before = state.status(id).orElse(RegionStatus.MAYBE);
            boolean rejected = size.isKnown() && size.longValue() != 0;
            state.setStatus(id, rejected ? RegionStatus.RELEASE_ATTEMPTED : RegionStatus.RELEASED);
            state.pending(callId, new PendingCall(id, OptionalLong.empty(), 0, before));
        }
        state.step(new TraceStep(site.location(), "VirtualFree(" + site.argument(0) + ", " + site.argument(1) + ", "
                + site.argument(2) + ")" + outcome.flatMap(FreeOutcome::failure)
                        .map(f -> ": the kernel refuses: " + f).orElse("")));
        return Value.outcomeOf(callId);
    }

    private Value mapIoSpace(ReplayState state, MappingApi api, CallSite site, List<Value> args, Value physical,
            boolean highPartUnset) {
        Value size = args.get(api.parameter("size"));
        Value cacheEnable = args.get(api.parameter("cacheEnable"));
        int regionId = nextRegionId++;
        Optional<MapOutcome> outcome = Optional.empty();
        if (physical.isKnown() && size.isKnown() && cacheEnable.isKnown()) {
            Emulation emulation = state.emulation();
            MapOutcome mapped = emulation.operate().mapIoSpace(physical.longValue(), size.longValue(),
                    cacheEnable.longValue() != 0);
            MapOutcome result = new MapOutcome(mapped.reservation(), mapped.address(), firstPagesOf(mapped.copy()));
            result.reservation().ifPresent(reservation -> emulation.bind(regionId, reservation));
            outcome = Optional.of(result);
        }
        Optional<RegionOrigin.EmulatedPlacement> placement = outcome.flatMap(MapOutcome::reservation)
                .map(ApiCallReplayer::placementOf);
        RegionOrigin region = new RegionOrigin(regionId, site, size.number(), OptionalLong.of(Ce.MEM_RESERVE),
                placement);
        regions.put(regionId, region);
        state.created(regionId);
        events.accept(new ReplayEvent.MapIoSpace(site, region, physical, size, cacheEnable, outcome, highPartUnset));
        state.step(new TraceStep(site.location(), "MmMapIoSpace(" + site.argument(0) + ", " + site.argument(1)
                + ", " + site.argument(2) + ")" + physical.number().stream()
                        .mapToObj(pa -> ": physical " + Hex.addr(pa)).findFirst().orElse("")
                + placement.map(p -> " at emulated " + Hex.addr(p.base() + Ce.pageOffset(physical.number().orElse(0))))
                        .orElse("")));
        OptionalLong offset = physical.isKnown() ? OptionalLong.of(Ce.pageOffset(physical.longValue()))
                : OptionalLong.empty();
        return Value.pointingTo(new Pointee.Region(regionId, offset));
    }

    private Value unmapIoSpace(ReplayState state, MappingApi api, CallSite site, List<Value> args) {
        Value address = args.get(api.parameter("address"));
        Value size = args.get(api.parameter("size"));
        Optional<RegionOrigin> region = regionOf(address);
        events.accept(new ReplayEvent.UnmapIoSpace(site, address, size, region));
        // CEDDK ignores the size and releases the whole reservation.
        region.ifPresent(r -> {
            state.setStatus(r.regionId(), RegionStatus.RELEASED);
            state.emulation().release(r.regionId());
        });
        state.step(new TraceStep(site.location(), "MmUnmapIoSpace(" + site.argument(0) + ", " + site.argument(1) + ")"));
        return Value.unknown();
    }

    private Value setAttributes(MappingApi api, CallSite site, List<Value> args) {
        Value address = args.get(api.parameter("address"));
        events.accept(new ReplayEvent.SetAttributes(site, address, args.get(api.parameter("size")),
                args.get(api.parameter("bits")), args.get(api.parameter("mask")), regionOf(address)));
        return Value.unknown();
    }

    Optional<RegionOrigin> regionOf(Value pointer) {
        return pointer.pointee()
                .filter(Pointee.Region.class::isInstance)
                .map(p -> regions.get(((Pointee.Region) p).regionId()));
    }

    private static OptionalLong emulatedAddress(ReplayState state, Value pointer) {
        if (pointer.pointee().isEmpty() || !(pointer.pointee().get() instanceof Pointee.Region region)
                || region.offset().isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<Reservation> reservation = state.emulation().reservationOf(region.regionId());
        return reservation.map(r -> OptionalLong.of(r.base() + region.offset().getAsLong())).orElse(OptionalLong.empty());
    }

    private static RegionOrigin.EmulatedPlacement placementOf(Reservation reservation) {
        return new RegionOrigin.EmulatedPlacement(reservation.base(), reservation.size(), reservation.area(),
                reservation.placementFixed());
    }


}
