package dev.cemap.emulator;

/**
 * Constants of the Windows CE memory manager (values from CE {@code winnt.h} / {@code pkfuncs.h})
 * and the page arithmetic every other class relies on.
 *
 * <p>Addresses are unsigned 32-bit values carried in a {@code long}; physical addresses may be
 * wider (PAGE_PHYSICAL sources are physical {@code >> 8}, so a 32-bit source reaches 40 bits).
 */
public final class Ce {
    private Ce() {
    }

    /** Every CE CPU the kernel supports uses 4 KB pages. */
    public static final long PAGE_SIZE = 0x1000L;
    public static final long PAGE_MASK = 0xFFFL;
    /** VirtualAlloc places reservations on 64 KB boundaries (a MEMBLOCK in the CE 5 kernel). */
    public static final long RESERVATION_GRANULARITY = 0x10000L;
    /** CE 5 sections (process slots, shared-area sections) are 32 MB. */
    public static final long SECTION_SIZE = 0x2000000L;
    /** CE 5 sends MEM_RESERVE / PAGE_NOACCESS reservations of this size and more to the shared area. */
    public static final long SHARED_AREA_THRESHOLD = 0x200000L;
    /** One past the largest 32-bit virtual address. */
    public static final long ADDRESS_LIMIT = 0x1_0000_0000L;

    public static final int PAGE_NOACCESS = 0x01;
    public static final int PAGE_READONLY = 0x02;
    public static final int PAGE_READWRITE = 0x04;
    public static final int PAGE_WRITECOPY = 0x08;
    public static final int PAGE_EXECUTE = 0x10;
    public static final int PAGE_EXECUTE_READ = 0x20;
    public static final int PAGE_EXECUTE_READWRITE = 0x40;
    public static final int PAGE_EXECUTE_WRITECOPY = 0x80;
    public static final int PAGE_GUARD = 0x100;
    public static final int PAGE_NOCACHE = 0x200;
    /** Same value as PAGE_WRITECOMBINE, which only VirtualProtect interprets. */
    public static final int PAGE_PHYSICAL = 0x400;

    public static final int MEM_COMMIT = 0x1000;
    public static final int MEM_RESERVE = 0x2000;
    public static final int MEM_DECOMMIT = 0x4000;
    public static final int MEM_RELEASE = 0x8000;
    public static final int MEM_TOP_DOWN = 0x100000;
    public static final int MEM_AUTO_COMMIT = 0x200000;

    /** The first byte of the page holding {@code va}. */
    public static long pageBase(long va) {
        return va & ~PAGE_MASK;
    }

    /** The offset of {@code va} inside its page. */
    public static long pageOffset(long va) {
        return va & PAGE_MASK;
    }

    /** {@code n} rounded up to a whole number of pages. */
    public static long roundUpToPage(long n) {
        return (n + PAGE_MASK) & ~PAGE_MASK;
    }

    /** {@code va} rounded down to the 64 KB reservation granularity. */
    public static long reservationBase(long va) {
        return va & ~(RESERVATION_GRANULARITY - 1);
    }

    /**
     * The number of pages touched by {@code [start, start+size)}: the kernel maps every page that
     * holds at least one byte of the range, so 2 bytes straddling a page boundary are 2 pages.
     * A size of 0 or less touches no page.
     */
    public static long pagesSpanned(long start, long size) {
        if (size <= 0) {
            return 0;
        }
        return (pageBase(start + size - 1) - pageBase(start)) / PAGE_SIZE + 1;
    }
}
