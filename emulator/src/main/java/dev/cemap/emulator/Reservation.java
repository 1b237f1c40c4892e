package dev.cemap.emulator;

import java.util.BitSet;

/**
 * A VirtualAlloc reservation: {@code [base, endExclusive)} and which of its pages are committed
 * (by MEM_COMMIT or by a successful VirtualCopy). Released reservations stay inspectable so that
 * findings can name what was freed.
 */
public final class Reservation {
    private final int id;
    private final long base;
    private final long size;
    private final AreaKind area;
    private final boolean placementFixed;
    private final int allocationType;
    private final int protect;
    private final BitSet committed;
    private boolean released;

    Reservation(int id, long base, long size, AreaKind area, boolean placementFixed, int allocationType,
            int protect) {
        this.id = id;
        this.base = base;
        this.size = size;
        this.area = area;
        this.placementFixed = placementFixed;
        this.allocationType = allocationType;
        this.protect = protect;
        this.committed = new BitSet();
    }

    private Reservation(Reservation other) {
        this(other.id, other.base, other.size, other.area, other.placementFixed, other.allocationType,
                other.protect);
        this.committed.or(other.committed);
        this.released = other.released;
    }

    /** The number the address space gave it, unique within that address space (from 1). */
    public int id() {
        return id;
    }

    public long base() {
        return base;
    }

    /** Bytes covered: the requested size rounded up to pages (from {@code base}). */
    public long size() {
        return size;
    }

    public long endExclusive() {
        return base + size;
    }

    public long pageCount() {
        return size / Ce.PAGE_SIZE;
    }

    public AreaKind area() {
        return area;
    }

    /**
     * True when the caller passed the address, so {@link #base()} is the real one; false when the
     * emulated allocator chose it and the real kernel may put it at any other 64 KB boundary.
     */
    public boolean placementFixed() {
        return placementFixed;
    }

    public boolean contains(long va) {
        return va >= base && va < endExclusive();
    }

    /** Whether the page holding {@code pageVa} is committed (false once released). */
    public boolean isCommitted(long pageVa) {
        if (released || !contains(pageVa)) {
            return false;
        }
        return committed.get(pageIndex(pageVa));
    }

    /** How many pages of {@code [from, endExclusive)}, which lies in this reservation, are committed. */
    long committedPagesIn(long from, long endExclusive) {
        if (released || endExclusive <= from) {
            return 0;
        }
        return committed.get(pageIndex(from), pageIndex(Ce.roundUpToPage(endExclusive))).cardinality();
    }

    /** The first committed page of {@code [from, endExclusive)}, or -1. */
    long firstCommittedIn(long from, long endExclusive) {
        if (released || endExclusive <= from) {
            return -1;
        }
        int first = committed.nextSetBit(pageIndex(from));
        return first >= 0 && first < pageIndex(Ce.roundUpToPage(endExclusive)) ? base + first * Ce.PAGE_SIZE : -1;
    }

    public int committedPageCount() {
        return committed.cardinality();
    }

    public boolean isReleased() {
        return released;
    }

    /** The MEM_* flags VirtualAlloc got when it made this reservation. */
    public int allocationType() {
        return allocationType;
    }

    /** The PAGE_* value VirtualAlloc got; the kernel does not check it in VirtualCopy. */
    public int protect() {
        return protect;
    }

    /** Commits the pages of {@code [from, endExclusive)}, which lie in this reservation. */
    void commit(long from, long endExclusive) {
        committed.set(pageIndex(from), pageIndex(Ce.roundUpToPage(endExclusive)));
    }

    /** Decommits the pages of {@code [from, endExclusive)}, which lie in this reservation. */
    void decommit(long from, long endExclusive) {
        committed.clear(pageIndex(from), pageIndex(Ce.roundUpToPage(endExclusive)));
    }

    void release() {
        released = true;
        committed.clear();
    }

    Reservation copy() {
        return new Reservation(this);
    }

    private int pageIndex(long va) {
        return (int) ((Ce.pageBase(va) - base) / Ce.PAGE_SIZE);
    }

    @Override
    public String toString() {
        return "reservation #" + id + " [" + Hex.addr(base) + ", " + Hex.addr(endExclusive()) + ") "
                + AllocationType.describe(allocationType) + " " + Protection.describe(protect)
                + (released ? " released" : "");
    }
}
