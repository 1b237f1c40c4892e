package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The virtual address map of a CE version: contiguous regions covering 0 to 4 GB.
 *
 * <p>CE 5 splits the low 2 GB into 33 slots of 32 MB (slot 0 aliases the running process) and the
 * shared area; CE 6 and 7 give every process a private 2 GB and keep the kernel's own areas above
 * 0xC0000000. Both map the OEMAddressTable statically at 0x80000000 (cached) and 0xA0000000
 * (uncached).
 */
public final class VirtualLayout {
    public static final long STATIC_CACHED_BASE = 0x80000000L;
    public static final long STATIC_UNCACHED_BASE = 0xA0000000L;
    public static final long STATIC_END = 0xC0000000L;

    /** CE 5: 33 slots of 32 MB from address 0. */
    public static final int CE5_SLOT_COUNT = 33;
    public static final long CE5_SHARED_AREA_BASE = 0x42000000L;
    public static final long CE5_SHARED_AREA_END = 0x80000000L;

    public static final long CE6_DLL_BASE = 0x40000000L;
    public static final long CE6_MAPPED_OBJECTS_BASE = 0x60000000L;
    public static final long CE6_SHARED_HEAP_BASE = 0x70000000L;
    public static final long CE6_SHARED_HEAP_END = 0x7FF00000L;
    public static final long CE6_USER_END = 0x80000000L;
    public static final long CE6_XIP_BASE = 0xC0000000L;
    public static final long CE6_OBJECT_STORE_BASE = 0xC8000000L;
    public static final long CE6_KERNEL_VM_BASE = 0xD0000000L;
    public static final long CE6_KERNEL_VM_END = 0xF0000000L;

    private static final VirtualLayout CE5 = new VirtualLayout(CeVersion.CE5, ce5Regions());
    private static final VirtualLayout CE6 = new VirtualLayout(CeVersion.CE6, ce6Regions());
    private static final VirtualLayout CE7 = new VirtualLayout(CeVersion.CE7, ce6Regions());

    private final CeVersion version;
    private final List<LayoutRegion> regions;

    private VirtualLayout(CeVersion version, List<LayoutRegion> regions) {
        this.version = version;
        this.regions = Collections.unmodifiableList(regions);
    }

    public static VirtualLayout of(CeVersion version) {
        switch (version) {
            case CE5:
                return CE5;
            case CE6:
                return CE6;
            default:
                return CE7;
        }
    }

    public CeVersion version() {
        return version;
    }

    /** All regions in address order; together they cover 0 to 0xFFFFFFFF without gaps. */
    public List<LayoutRegion> regions() {
        return regions;
    }

    /**
     * The region holding {@code va}. A value outside the 32-bit address space (negative or
     * 4 GB and above) gets a synthetic UNMAPPED region.
     */
    public LayoutRegion regionAt(long va) {
        if (va < 0 || va >= Ce.ADDRESS_LIMIT) {
            return new LayoutRegion("outside the 32-bit address space", va, va + 1, AreaKind.UNMAPPED);
        }
        int lo = 0;
        int hi = regions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            LayoutRegion r = regions.get(mid);
            if (va < r.start()) {
                hi = mid - 1;
            } else if (va >= r.endExclusive()) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        throw new IllegalStateException("layout has a gap at " + Hex.addr(va));
    }

    public AreaKind kindAt(long va) {
        return regionAt(va).kind();
    }

    /** 0x80000000-0xBFFFFFFF, the OEMAddressTable windows, on every version. */
    public boolean isStaticKernelWindow(long va) {
        return isStaticWindow(va);
    }

    /** The same test as {@link #isStaticKernelWindow(long)}, for callers without a layout. */
    public static boolean isStaticWindow(long va) {
        return va >= STATIC_CACHED_BASE && va < STATIC_END;
    }

    /** Kernel-only addresses: 0x80000000 and above on every version. */
    public boolean isKernelAddress(long va) {
        return va >= STATIC_CACHED_BASE && va < Ce.ADDRESS_LIMIT;
    }

    private static List<LayoutRegion> ce5Regions() {
        List<LayoutRegion> out = new ArrayList<>();
        for (int slot = 0; slot < CE5_SLOT_COUNT; slot++) {
            long start = slot * Ce.SECTION_SIZE;
            String name = slot == 0 ? "slot 0 (running process)" : "slot " + slot;
            out.add(new LayoutRegion(name, start, start + Ce.SECTION_SIZE, AreaKind.PROCESS_SLOT));
        }
        out.add(new LayoutRegion("shared area", CE5_SHARED_AREA_BASE, CE5_SHARED_AREA_END, AreaKind.SHARED_AREA));
        addStaticWindows(out);
        out.add(new LayoutRegion("kernel", STATIC_END, Ce.ADDRESS_LIMIT, AreaKind.KERNEL_OTHER));
        return out;
    }

    private static List<LayoutRegion> ce6Regions() {
        List<LayoutRegion> out = new ArrayList<>();
        out.add(new LayoutRegion("user process code and data", 0, CE6_DLL_BASE, AreaKind.USER_SPACE));
        out.add(new LayoutRegion("user DLLs", CE6_DLL_BASE, CE6_MAPPED_OBJECTS_BASE, AreaKind.USER_SPACE));
        out.add(new LayoutRegion("memory-mapped objects", CE6_MAPPED_OBJECTS_BASE, CE6_SHARED_HEAP_BASE,
                AreaKind.USER_SPACE));
        // The shared heap is user-readable, kernel-writable and the same in every process.
        out.add(new LayoutRegion("shared heap", CE6_SHARED_HEAP_BASE, CE6_SHARED_HEAP_END, AreaKind.USER_SPACE));
        out.add(new LayoutRegion("user/kernel guard gap", CE6_SHARED_HEAP_END, CE6_USER_END, AreaKind.UNMAPPED));
        addStaticWindows(out);
        out.add(new LayoutRegion("kernel XIP DLLs", CE6_XIP_BASE, CE6_OBJECT_STORE_BASE, AreaKind.KERNEL_OTHER));
        out.add(new LayoutRegion("object store", CE6_OBJECT_STORE_BASE, CE6_KERNEL_VM_BASE, AreaKind.KERNEL_OTHER));
        out.add(new LayoutRegion("kernel VM", CE6_KERNEL_VM_BASE, CE6_KERNEL_VM_END, AreaKind.KERNEL_VM));
        out.add(new LayoutRegion("CPU-specific", CE6_KERNEL_VM_END, Ce.ADDRESS_LIMIT, AreaKind.KERNEL_OTHER));
        return out;
    }

    private static void addStaticWindows(List<LayoutRegion> out) {
        out.add(new LayoutRegion("statically mapped, cached", STATIC_CACHED_BASE, STATIC_UNCACHED_BASE,
                AreaKind.STATIC_CACHED));
        out.add(new LayoutRegion("statically mapped, uncached", STATIC_UNCACHED_BASE, STATIC_END,
                AreaKind.STATIC_UNCACHED));
    }
}
