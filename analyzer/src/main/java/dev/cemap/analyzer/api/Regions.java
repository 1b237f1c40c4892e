package dev.cemap.analyzer.api;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.CopyOutcome;
import dev.cemap.emulator.Reservation;
import java.util.Optional;
import java.util.OptionalLong;

/** What the models share: where a pointer points, in the replay and in the emulated memory. */
final class Regions {

    /**
     * Pages an event keeps of a copy's outcome: a frame buffer maps thousands of pages on every
     * path, and findings show the first one (the page table itself keeps them all).
     */
    private static final int KEPT_PAGES = 2;

    private Regions() {
    }

    static Optional<RegionOrigin> regionOf(Value pointer, ModelContext context) {
        return pointer.pointee()
                .filter(Pointee.Region.class::isInstance)
                .flatMap(p -> context.region(((Pointee.Region) p).regionId()));
    }

    static OptionalLong emulatedAddress(PathState state, Value pointer) {
        if (!(pointer.pointee().orElse(null) instanceof Pointee.Region region) || region.offset().isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<Reservation> reservation = state.emulation().reservationOf(region.regionId());
        return reservation.map(r -> OptionalLong.of(r.base() + region.offset().getAsLong())).orElse(OptionalLong.empty());
    }

    static RegionOrigin.EmulatedPlacement placementOf(Reservation reservation) {
        return new RegionOrigin.EmulatedPlacement(reservation.base(), reservation.size(), reservation.area(),
                reservation.placementFixed());
    }

    static CopyOutcome firstPagesOf(CopyOutcome outcome) {
        if (outcome.mappedPages().size() <= KEPT_PAGES) {
            return outcome;
        }
        return new CopyOutcome(outcome.success(), outcome.failures(), outcome.reasons(),
                outcome.mappedPages().subList(0, KEPT_PAGES));
    }

    /** A PHYSICAL_ADDRESS passed by value: its number is what QuadPart / LowPart hold. */
    static Value physicalAddressIn(StorageKey key, PathState state) {
        for (String part : new String[] {"QuadPart", "LowPart"}) {
            Value value = state.read(new StorageKey.Field(key, part));
            if (value != null && value.isKnown()) {
                return Value.of(value.longValue() & 0xFFFFFFFFL);
            }
            if (value != null && value.pointee().orElse(null) instanceof Pointee.Heap) {
                return value; // kernel RAM from AllocPhysMem / HalAllocateCommonBuffer
            }
        }
        return Value.unknown();
    }
}
