package dev.cemap.emulator;

import java.util.OptionalLong;

/**
 * 32 MB section arithmetic. The CE 5 kernel keeps one page-table section per 32 MB, and its
 * VirtualCopy walks a single section, so a copy whose range crosses a section boundary fails.
 */
public final class Sections {
    private Sections() {
    }

    /** The 32 MB boundary at or below {@code va}. */
    public static long sectionBase(long va) {
        return va & ~(Ce.SECTION_SIZE - 1);
    }

    /**
     * The first multiple of 32 MB strictly inside {@code (start, start+size)}, i.e. a boundary that
     * the byte range {@code [start, start+size)} crosses; empty when there is none.
     */
    public static OptionalLong boundaryInside(long start, long size) {
        if (size <= 0) {
            return OptionalLong.empty();
        }
        long next = sectionBase(start) + Ce.SECTION_SIZE;
        return next < start + size ? OptionalLong.of(next) : OptionalLong.empty();
    }

    /**
     * Whether a copy of {@code size} bytes that starts {@code offsetInReservation} bytes into a
     * reservation may contain a 32 MB boundary, when the reservation's base is only known to be
     * some multiple of 64 KB. The nearest candidate boundary is the next 64 KB boundary after the
     * start (or 64 KB further when the start is itself on one, since a boundary at the very start
     * is not crossed), so the copy may cross iff it is longer than that distance.
     */
    public static boolean mayCross(long offsetInReservation, long size) {
        long intoBlock = Math.floorMod(offsetInReservation, Ce.RESERVATION_GRANULARITY);
        return size > Ce.RESERVATION_GRANULARITY - intoBlock;
    }

    /** Whether every placement crosses a boundary: any range longer than 32 MB does. */
    public static boolean mustCross(long size) {
        return size > Ce.SECTION_SIZE;
    }
}
