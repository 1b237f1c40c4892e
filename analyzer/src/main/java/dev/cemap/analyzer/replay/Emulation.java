package dev.cemap.analyzer.replay;

import dev.cemap.emulator.AddressSpace;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.ExecutionMode;
import dev.cemap.emulator.Reservation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated address space along one replayed path, and which reservation each replay region
 * became in it. Forking at a branch copies the address space, so each path's mappings stay its own.
 */
final class Emulation {

    private final AddressSpace space;
    private final Map<Integer, Integer> reservationIdByRegion;
    private int operationCount;

    Emulation(CeVersion version) {
        // Drivers that map physical memory run in the kernel on CE 6+; whether user mode may do
        // so at all is the porting rules' question, not the replay's.
        this(new AddressSpace(version, ExecutionMode.KERNEL), new HashMap<>(), 0);
    }

    private Emulation(AddressSpace space, Map<Integer, Integer> reservationIdByRegion, int operationCount) {
        this.space = space;
        this.reservationIdByRegion = reservationIdByRegion;
        this.operationCount = operationCount;
    }

    Emulation fork() {
        return new Emulation(space.copy(), new HashMap<>(reservationIdByRegion), operationCount);
    }

    /** The address space, for one more operation on this path. */
    AddressSpace operate() {
        operationCount++;
        return space;
    }

    /** How many emulator operations this path performed: the measure of "the branch that did the work". */
    int operationCount() {
        return operationCount;
    }

    Optional<Reservation> reservationOf(int regionId) {
        Integer id = reservationIdByRegion.get(regionId);
        return id == null ? Optional.empty() : space.reservation(id);
    }

    /** The call that created the region failed on this path: give its address space back. */
    void release(int regionId) {
        reservationOf(regionId).filter(r -> !r.isReleased())
                .ifPresent(r -> space.virtualFree(r.base(), 0, dev.cemap.emulator.Ce.MEM_RELEASE));
    }

    void bind(int regionId, Reservation reservation) {
        reservationIdByRegion.put(regionId, reservation.id());
    }
}
