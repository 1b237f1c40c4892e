package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.emulator.AllocOutcome;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CopyOutcome;
import dev.cemap.emulator.FreeOutcome;
import dev.cemap.emulator.MapOutcome;
import dev.cemap.emulator.Reservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Replays one call of a modelled CE API against the current path's emulated memory and records
 * the event. The evaluated arguments arrive in order; the result is the value the call returns.
 */
final class ApiCallReplayer {

    private final Supplier<ReplayState> currentState;
    private final List<ReplayEvent> events = new ArrayList<>();
    private final Map<Integer, RegionOrigin> regions = new HashMap<>();
    private int nextRegionId = 1;

    ApiCallReplayer(Supplier<ReplayState> currentState) {
        this.currentState = currentState;
    }

    List<ReplayEvent> events() {
        return events;
    }

    /**
     * @param physicalArgument for MmMapIoSpace, the PHYSICAL_ADDRESS argument's low part read
     *                         through its fields (it is passed as a struct)
     */
    Value replay(MappingApi api, CallSite site, List<Value> arguments, Value physicalArgument) {
        return switch (api.effect()) {
            case RESERVE -> reserve(api, site, arguments);
            case COPY -> copy(api, site, arguments);
            case FREE -> free(api, site, arguments);
            case MAP_IO_SPACE -> mapIoSpace(api, site, arguments, physicalArgument);
            case UNMAP_IO_SPACE -> unmapIoSpace(api, site, arguments);
            case SET_ATTRIBUTES -> setAttributes(api, site, arguments);
            case HEAP -> Value.pointingTo(new Pointee.Heap(api.functionName()));
            case FILE_VIEW -> Value.pointingTo(new Pointee.FileView());
        };
    }

    private Value reserve(MappingApi api, CallSite site, List<Value> args) {
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
            long requested = address.longValue();
            Emulation emulation = currentState.get().emulation();
            AllocOutcome outcome = emulation.operate().virtualAlloc(requested, size.longValue(),
                    (int) type.longValue(), (int) protect.longValue());
            outcome.reservation().ifPresent(reservation -> emulation.bind(regionId, reservation));
            failure = outcome.failure();
            placement = outcome.reservation().map(ApiCallReplayer::placementOf);
        }
        RegionOrigin region = new RegionOrigin(regionId, site, size.number(), type.number(), placement);
        regions.put(regionId, region);
        events.add(new ReplayEvent.Alloc(site, region, address, size, type, protect, failure));
        return Value.pointingTo(new Pointee.Region(regionId, OptionalLong.of(0)));
    }

    private Value copy(MappingApi api, CallSite site, List<Value> args) {
        Value dest = args.get(api.parameter("dest"));
        Value source = args.get(api.parameter("source"));
        Value size = args.get(api.parameter("size"));
        Value protect = args.get(api.parameter("protect"));
        Optional<RegionOrigin> destRegion = regionOf(dest);
        OptionalLong destAddress = emulatedAddress(dest);
        Optional<CopyOutcome> outcome = Optional.empty();
        boolean sourceKnown = source.isKnown();
        if (destAddress.isPresent() && size.isKnown() && protect.isKnown()) {
            long to = destAddress.getAsLong();
            OptionalLong from = sourceKnown ? source.number() : standInSource(to, (int) protect.longValue());
            if (from.isPresent()) {
                outcome = Optional.of(currentState.get().emulation().operate()
                        .virtualCopy(to, from.getAsLong(), size.longValue(), (int) protect.longValue()));
            }
        }
        events.add(new ReplayEvent.Copy(site, dest, source, size, protect, destRegion, destAddress, sourceKnown,
                outcome));
        return callResult();
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

    private Value free(MappingApi api, CallSite site, List<Value> args) {
        Value address = args.get(api.parameter("address"));
        Value size = args.get(api.parameter("size"));
        Value freeType = args.get(api.parameter("freeType"));
        OptionalLong emulated = emulatedAddress(address);
        Optional<FreeOutcome> outcome = Optional.empty();
        if (emulated.isPresent() && size.isKnown() && freeType.isKnown()) {
            outcome = Optional.of(currentState.get().emulation().operate()
                    .virtualFree(emulated.getAsLong(), size.longValue(), (int) freeType.longValue()));
        }
        events.add(new ReplayEvent.Free(site, address, size, freeType, regionOf(address), outcome));
        return callResult();
    }

    private Value mapIoSpace(MappingApi api, CallSite site, List<Value> args, Value physical) {
        Value size = args.get(api.parameter("size"));
        Value cacheEnable = args.get(api.parameter("cacheEnable"));
        int regionId = nextRegionId++;
        Optional<MapOutcome> outcome = Optional.empty();
        if (physical.isKnown() && size.isKnown() && cacheEnable.isKnown()) {
            Emulation emulation = currentState.get().emulation();
            MapOutcome result = emulation.operate().mapIoSpace(physical.longValue(), size.longValue(),
                    cacheEnable.longValue() != 0);
            result.reservation().ifPresent(reservation -> emulation.bind(regionId, reservation));
            outcome = Optional.of(result);
        }
        Optional<RegionOrigin.EmulatedPlacement> placement = outcome.flatMap(MapOutcome::reservation)
                .map(ApiCallReplayer::placementOf);
        RegionOrigin region = new RegionOrigin(regionId, site, size.number(), OptionalLong.of(Ce.MEM_RESERVE),
                placement);
        regions.put(regionId, region);
        events.add(new ReplayEvent.MapIoSpace(site, region, physical, size, cacheEnable, outcome));
        OptionalLong offset = physical.isKnown() ? OptionalLong.of(Ce.pageOffset(physical.longValue()))
                : OptionalLong.empty();
        return Value.pointingTo(new Pointee.Region(regionId, offset));
    }

    /**
     * What a VirtualCopy or VirtualFree returns to the code. The emulator's verdict is not used:
     * the device can fail a call the model accepts (no memory, a bus the model does not know), so
     * both the success path and the error path are replayed.
     */
    private static Value callResult() {
        return Value.unknown();
    }

    private Value unmapIoSpace(MappingApi api, CallSite site, List<Value> args) {
        Value address = args.get(api.parameter("address"));
        Value size = args.get(api.parameter("size"));
        events.add(new ReplayEvent.UnmapIoSpace(site, address, size, regionOf(address)));
        return Value.unknown();
    }

    private Value setAttributes(MappingApi api, CallSite site, List<Value> args) {
        Value address = args.get(api.parameter("address"));
        events.add(new ReplayEvent.SetAttributes(site, address, args.get(api.parameter("size")),
                args.get(api.parameter("bits")), args.get(api.parameter("mask")), regionOf(address)));
        return Value.unknown();
    }

    private Optional<RegionOrigin> regionOf(Value pointer) {
        return pointer.pointee()
                .filter(Pointee.Region.class::isInstance)
                .map(p -> regions.get(((Pointee.Region) p).regionId()));
    }

    private OptionalLong emulatedAddress(Value pointer) {
        if (pointer.pointee().isEmpty() || !(pointer.pointee().get() instanceof Pointee.Region region)
                || region.offset().isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<Reservation> reservation = currentState.get().emulation().reservationOf(region.regionId());
        return reservation.map(r -> OptionalLong.of(r.base() + region.offset().getAsLong())).orElse(OptionalLong.empty());
    }

    private static RegionOrigin.EmulatedPlacement placementOf(Reservation reservation) {
        return new RegionOrigin.EmulatedPlacement(reservation.base(), reservation.size(), reservation.area(),
                reservation.placementFixed());
    }

}
