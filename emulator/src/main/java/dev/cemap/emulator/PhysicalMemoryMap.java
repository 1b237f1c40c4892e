package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The physical address space as the kernel sees it: which ranges are RAM the kernel manages
 * ({@code RAM} / {@code RAMIMAGE} entries of {@code config.bib} translated through the
 * OEMAddressTable, and memory handed out by {@code AllocPhysMem} / {@code HalAllocateCommonBuffer}).
 * Mapping such memory with {@code PAGE_PHYSICAL} breaks the kernel's page reference counts when
 * the mapping is freed, so the question rules ask is {@link #kernelRamOverlapping}.
 *
 * <p>Immutable; {@link #withKernelRam} returns a new map. Addresses are physical bytes in a
 * {@code long} (CE physical addresses may exceed 32 bits once a PAGE_PHYSICAL source is shifted).
 */
public final class PhysicalMemoryMap {

    /**
     * A physical range {@code [base, base + size)}.
     *
     * @param origin where the range comes from, for messages: e.g. {@code config.bib:14 RAM 80100000 03F00000}
     */
    public record Range(long base, long size, String origin) {

        public Range {
            if (size <= 0) {
                throw new IllegalArgumentException("a physical range needs a positive size: " + size);
            }
            Objects.requireNonNull(origin, "origin");
        }

        public long endExclusive() {
            return base + size;
        }

        /** Whether {@code [pa, pa + length)} shares at least one byte with this range. */
        public boolean overlaps(long pa, long length) {
            return length > 0 && pa < endExclusive() && base < pa + length;
        }

        @Override
        public String toString() {
            return Hex.addr(base) + "–" + Hex.addr(endExclusive() - 1) + " (" + origin + ")";
        }
    }

    private static final PhysicalMemoryMap EMPTY = new PhysicalMemoryMap(List.of());

    private final List<Range> kernelRam;

    private PhysicalMemoryMap(List<Range> kernelRam) {
        this.kernelRam = List.copyOf(kernelRam);
    }

    /** No RAM known: every question is answered "no overlap". */
    public static PhysicalMemoryMap empty() {
        return EMPTY;
    }

    /** This map plus one range of kernel-managed RAM; a size of 0 or less adds nothing. */
    public PhysicalMemoryMap withKernelRam(long base, long size, String origin) {
        if (size <= 0) {
            return this;
        }
        List<Range> ranges = new ArrayList<>(kernelRam);
        ranges.add(new Range(base, size, origin));
        ranges.sort(Comparator.comparingLong(Range::base).thenComparingLong(Range::size));
        return new PhysicalMemoryMap(ranges);
    }

    /** Every kernel RAM range, in address order (overlapping entries are kept as given). */
    public List<Range> kernelRam() {
        return kernelRam;
    }

    public boolean isEmpty() {
        return kernelRam.isEmpty();
    }

    /**
     * The first kernel RAM range (lowest base) that {@code [pa, pa + size)} touches. A size of 0
     * or less touches nothing: the kernel maps no page for it.
     */
    public Optional<Range> kernelRamOverlapping(long pa, long size) {
        return kernelRam.stream().filter(range -> range.overlaps(pa, size)).findFirst();
    }
}
