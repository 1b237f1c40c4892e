package dev.cemap.emulator;

/** One named range {@code [start, endExclusive)} of a virtual layout. */
public record LayoutRegion(String name, long start, long endExclusive, AreaKind kind) {

    public boolean contains(long va) {
        return va >= start && va < endExclusive;
    }

    /** Whether the whole range {@code [va, va+size)} lies inside this region. */
    public boolean containsRange(long va, long size) {
        return va >= start && size >= 0 && va + size <= endExclusive;
    }

    public long size() {
        return endExclusive - start;
    }

    @Override
    public String toString() {
        return name + " [" + Hex.addr(start) + ", " + Hex.addr(endExclusive) + ") " + kind;
    }
}
