package dev.cemap.emulator;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where VirtualAlloc puts a reservation when the caller passes no address. Deterministic, so a
 * replay always yields the same addresses; the real kernel's choice depends on what else the
 * process has allocated, which is why such reservations are not {@code placementFixed}.
 *
 * <p>CE 5 follows the kernel: a MEM_RESERVE / PAGE_NOACCESS request of 2 MB or more goes to the
 * shared area through the mapper (whole 32 MB sections from 32 MB on, otherwise 1 MB chunks that
 * never straddle a section); every other request comes from the process slot (slot 1 here) and
 * may not exceed 32 MB. CE 6 and 7 allocate 64 KB-aligned from kernel VM (kernel mode) or from the
 * bottom of user space (user mode).
 */
final class Placement {
    /** The kernel owns the first 64 KB block of every CE 5 section and of CE 6 user space. */
    static final long FIRST_USABLE_OFFSET = Ce.RESERVATION_GRANULARITY;
    static final long CE5_SLOT1_BASE = Ce.SECTION_SIZE;
    /** The CE 5 mapper hands out the shared area in 1 MB chunks (32 per section). */
    static final long CE5_MAPPER_CHUNK = Ce.SECTION_SIZE / 32;
    static final long CE6_USER_ALLOC_BASE = 0x00010000L;
    static final long CE6_USER_ALLOC_END = VirtualLayout.CE6_DLL_BASE;

    /** A chosen base, or why there is none. */
    record Choice(long base, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private final CeVersion version;
    private final ExecutionMode mode;

    Placement(CeVersion version, ExecutionMode mode) {
        this.version = version;
        this.mode = mode;
    }

    /** Whether CE 5 would send this request to the shared area. */
    static boolean goesToCe5SharedArea(long pageBytes, int allocationType, int protect) {
        return pageBytes >= Ce.SHARED_AREA_THRESHOLD && allocationType == Ce.MEM_RESERVE
                && protect == Ce.PAGE_NOACCESS;
    }

    Choice choose(long pageBytes, int allocationType, int protect, List<Reservation> taken) {
        boolean topDown = (allocationType & Ce.MEM_TOP_DOWN) != 0;
        if (version.isSlotted()) {
            if (goesToCe5SharedArea(pageBytes, allocationType, protect)) {
                return ce5Shared(pageBytes, taken);
            }
            if (pageBytes > Ce.SECTION_SIZE) {
                return fail("CE 5 allocates " + Hex.of(pageBytes) + " bytes of "
                        + AllocationType.describe(allocationType)
                        + " from the 32 MB process slot, which cannot hold more than 32 MB"
                        + " (only MEM_RESERVE with PAGE_NOACCESS goes to the shared area)");
            }
            return inRange(CE5_SLOT1_BASE + FIRST_USABLE_OFFSET, CE5_SLOT1_BASE + Ce.SECTION_SIZE, pageBytes,
                    topDown, taken, "the process slot");
        }
        if (mode == ExecutionMode.KERNEL) {
            return inRange(VirtualLayout.CE6_KERNEL_VM_BASE, VirtualLayout.CE6_KERNEL_VM_END, pageBytes, topDown,
                    taken, "kernel VM");
        }
        return inRange(CE6_USER_ALLOC_BASE, CE6_USER_ALLOC_END, pageBytes, topDown, taken, "user space");
    }

    /** A CE 5 request for an address that is exactly a section base: the kernel searches that section. */
    Choice inSection(long sectionBase, long pageBytes, int allocationType, List<Reservation> taken) {
        if (pageBytes > Ce.SECTION_SIZE - FIRST_USABLE_OFFSET) {
            return fail(Hex.of(pageBytes) + " bytes do not fit in the 32 MB section at " + Hex.addr(sectionBase));
        }
        return inRange(sectionBase + FIRST_USABLE_OFFSET, sectionBase + Ce.SECTION_SIZE, pageBytes,
                (allocationType & Ce.MEM_TOP_DOWN) != 0, taken, "the section at " + Hex.addr(sectionBase));
    }

    private Choice ce5Shared(long pageBytes, List<Reservation> taken) {
        long lo = VirtualLayout.CE5_SHARED_AREA_BASE;
        long hi = VirtualLayout.CE5_SHARED_AREA_END;
        if (pageBytes >= Ce.SECTION_SIZE) {
            // Whole sections, starting on a section boundary.
            long sections = (pageBytes + Ce.SECTION_SIZE - 1) / Ce.SECTION_SIZE;
            for (long s = lo; s + sections * Ce.SECTION_SIZE <= hi; s += Ce.SECTION_SIZE) {
                if (free(s, sections * Ce.SECTION_SIZE, taken)) {
                    return new Choice(s, null);
                }
            }
            return fail("the CE 5 shared area has no " + sections + " free 32 MB sections in a row for "
                    + Hex.of(pageBytes) + " bytes");
        }
        long span = ((pageBytes + CE5_MAPPER_CHUNK - 1) / CE5_MAPPER_CHUNK) * CE5_MAPPER_CHUNK;
        // The mapper first looks inside sections it already uses, then opens a new one.
        for (int pass = 0; pass < 2; pass++) {
            for (long s = lo; s < hi; s += Ce.SECTION_SIZE) {
                boolean used = !free(s, Ce.SECTION_SIZE, taken);
                if (pass == 0 && !used) {
                    continue;
                }
                if (pass == 1 && used) {
                    continue;
                }
                for (long b = s; b + span <= s + Ce.SECTION_SIZE; b += CE5_MAPPER_CHUNK) {
                    if (free(b, span, taken)) {
                        return new Choice(b, null);
                    }
                }
            }
        }
        return fail("the CE 5 shared area has no room for " + Hex.of(pageBytes) + " bytes");
    }

    private static Choice inRange(long lo, long hi, long len, boolean topDown, List<Reservation> taken,
            String areaName) {
        if (len > hi - lo) {
            return fail(Hex.of(len) + " bytes do not fit in " + areaName + " [" + Hex.addr(lo) + ", "
                    + Hex.addr(hi) + ")");
        }
        // Addresses of released reservations are not handed out again while others are free, so a
        // stale pointer keeps pointing at released space.
        OptionalLong base = firstFit(lo, hi, len, topDown, taken, true);
        if (base.isEmpty()) {
            base = firstFit(lo, hi, len, topDown, taken, false);
        }
        if (base.isEmpty()) {
            return fail("no free " + Hex.of(len) + " bytes left in " + areaName);
        }
        return new Choice(base.getAsLong(), null);
    }

    private static OptionalLong firstFit(long lo, long hi, long len, boolean topDown, List<Reservation> taken,
            boolean avoidReleased) {
        long g = Ce.RESERVATION_GRANULARITY;
        if (!topDown) {
            long b = alignUp(lo, g);
            while (b + len <= hi) {
                Reservation clash = overlapping(b, len, taken, avoidReleased);
                if (clash == null) {
                    return OptionalLong.of(b);
                }
                b = alignUp(clash.endExclusive(), g);
            }
        } else {
            long b = Ce.reservationBase(hi - len);
            while (b >= lo) {
                Reservation clash = overlapping(b, len, taken, avoidReleased);
                if (clash == null) {
                    return OptionalLong.of(b);
                }
                b = Ce.reservationBase(clash.base() - len);
            }
        }
        return OptionalLong.empty();
    }

    static Reservation overlapping(long base, long len, List<Reservation> taken, boolean includeReleased) {
        for (Reservation r : taken) {
            if (!includeReleased && r.isReleased()) {
                continue;
            }
            if (base < r.endExclusive() && r.base() < base + len) {
                return r;
            }
        }
        return null;
    }

    private static boolean free(long base, long len, List<Reservation> taken) {
        return overlapping(base, len, taken, false) == null;
    }

    private static long alignUp(long v, long g) {
        return (v + g - 1) & ~(g - 1);
    }

    private static Choice fail(String why) {
        return new Choice(0, why);
    }
}
