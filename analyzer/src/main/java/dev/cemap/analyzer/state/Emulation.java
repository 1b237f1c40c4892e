package dev.cemap.analyzer.state;

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
public final class Emulation {

    private AddressSpace space;
    /** False while {@link #space} may be shared with a fork: copied before the first write. */
    private boolean owned;
    private final Map<Integer, Integer> reservationIdByRegion;
    private int operationCount;

    public Emulation(CeVersion version) {
        // Drivers that map physical memory run in the kernel on CE 6+; whether user mode may do
        // so at all is the porting rules' question, not the replay's.
        this(new AddressSpace(version, ExecutionMode.KERNEL), new HashMap<>(), 0);
    }

    private Emulation(AddressSpace space, Map<Integer, Integer> reservationIdByRegion, int operationCount) {
        this.space = space;
        this.owned = true;
        this.reservationIdByRegion = reservationIdByRegion;
        this.operationCount = operationCount;
    }

    /** A copy for a branch. Most branches never map anything, so the address space is shared until one does. */
    public Emulation fork() {
        Emulation copy = new Emulation(space, new HashMap<>(reservationIdByRegion), operationCount);
        copy.owned = false;
        owned = false;
        return copy;
    }

    /** The address space, for one more operation on this path. */
    public AddressSpace operate() {
        operationCount++;
        if (!owned) {
            space = space.copy();
            owned = true;
        }
        return space;
    }

    /** How many emulator operations this path performed: the measure of "the branch that did the work". */
    public int operationCount() {
        return operationCount;
    }

    public Optional<Reservation> reservationOf(int regionId) {
        Integer id = reservationIdByRegion.get(regionId);
        return id == null ? Optional.empty() : space.reservation(id);
    }

    /** The call that created the region failed on this path: give its address space back. */
    public void release(int regionId) {
        reservationOf(regionId).filter(r -> !r.isReleased())
                .ifPresent(r -> operate().virtualFree(r.base(), 0, dev.cemap.emulator.Ce.MEM_RELEASE));
    }

    public void bind(int regionId, Reservation reservation) {
        reservationIdByRegion.put(regionId, reservation.id());
    }
}
