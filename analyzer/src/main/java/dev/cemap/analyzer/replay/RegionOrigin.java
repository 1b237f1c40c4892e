package dev.cemap.analyzer.replay;

import dev.cemap.emulator.AreaKind;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A block of virtual memory the replay created (VirtualAlloc or MmMapIoSpace), as it stood when
 * an event used it.
 *
 * @param regionId        identity within the function's replay
 * @param site            the call that created it
 * @param size            the requested size, when known
 * @param allocationType  the VirtualAlloc MEM_* flags, when known (MmMapIoSpace: MEM_RESERVE)
 * @param emulated        where the emulator placed it, when the size was known
 */
public record RegionOrigin(int regionId, CallSite site, OptionalLong size, OptionalLong allocationType,
        Optional<EmulatedPlacement> emulated) {

    /**
     * The emulator's placement of a reservation.
     *
     * @param base            emulated base address (64 KB aligned)
     * @param size            reserved bytes (whole pages)
     * @param area            which part of the address space it came from
     * @param placementFixed  true when the code chose the address; false when the kernel would
     */
    public record EmulatedPlacement(long base, long size, AreaKind area, boolean placementFixed) {
    }
}
