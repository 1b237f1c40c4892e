package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The virtual memory of one replayed process (or of the kernel, for a CE 6+ kernel-mode driver):
 * reservations, committed pages and the page table, changed by VirtualAlloc, VirtualCopy,
 * VirtualFree and CEDDK's MmMapIoSpace exactly as far as the kernel's checks go.
 *
 * <p>Not thread-safe. {@link #copy()} forks an independent space, e.g. at a branch of the replay.
 */
public final class AddressSpace {
    private final CeVersion version;
    private final ExecutionMode mode;
    private final VirtualLayout layout;
    private final Placement placement;
    private final PageTable pageTable;
    private final List<Reservation> reservations;
    private int nextId;

    public AddressSpace(CeVersion version, ExecutionMode mode) {
        this(version, mode, new PageTable(), new ArrayList<>(), 1);
    }

    private AddressSpace(CeVersion version, ExecutionMode mode, PageTable pageTable, List<Reservation> reservations,
            int nextId) {
        this.version = version;
        this.mode = mode;
        this.layout = VirtualLayout.of(version);
        this.placement = new Placement(version, mode);
        this.pageTable = pageTable;
        this.reservations = reservations;
        this.nextId = nextId;
    }

    public CeVersion version() {
        return version;
    }

    public ExecutionMode mode() {
        return mode;
    }

    public VirtualLayout layout() {
        return layout;
    }

    public PageTable pageTable() {
        return pageTable;
    }

    PageTable pageTableMutable() {
        return pageTable;
    }

    /** An independent deep copy: later calls on either space do not affect the other. */
    public AddressSpace copy() {
        List<Reservation> rs = new ArrayList<>();
        for (Reservation r : reservations) {
            rs.add(r.copy());
        }
        return new AddressSpace(version, mode, pageTable.copy(), rs, nextId);
    }

    // ---------------------------------------------------------------- VirtualAlloc

    /**
     * VirtualAlloc. {@code requestedAddress} 0 lets the allocator choose (see {@link Placement});
     * otherwise a reservation starts at the address rounded down to 64 KB, and MEM_COMMIT without
     * MEM_RESERVE commits pages of the existing reservation holding the address.
     */
    public AllocOutcome virtualAlloc(long requestedAddress, long size, int allocationType, int protect) {
        if (size <= 0) {
            return AllocOutcome.fail("VirtualAlloc of " + size + " bytes fails: the kernel rejects a size of 0");
        }
        if (size >= Ce.ADDRESS_LIMIT) {
            return AllocOutcome.fail("VirtualAlloc of " + Hex.of(size) + " bytes fails: larger than the 4 GB"
                    + " address space");
        }
        if (requestedAddress < 0 || requestedAddress >= Ce.ADDRESS_LIMIT) {
            return AllocOutcome.fail("VirtualAlloc at " + Hex.of(requestedAddress)
                    + " fails: not a 32-bit address");
        }
        int unknown = allocationType & ~AllocationType.ALLOC_MASK;
        if (unknown != 0) {
            return AllocOutcome.fail("VirtualAlloc with " + AllocationType.describe(allocationType)
                    + " fails: " + AllocationType.describe(unknown) + " is not an allocation type");
        }
        boolean reserve = AllocationType.reserves(allocationType);
        boolean commit = AllocationType.commits(allocationType);
        if (!reserve && !commit) {
            return AllocOutcome.fail("VirtualAlloc with " + AllocationType.describe(allocationType)
                    + " fails: it needs MEM_RESERVE, MEM_COMMIT or both");
        }
        Optional<String> badProtect = Protection.virtualAllocRejection(protect);
        if (badProtect.isPresent()) {
            return AllocOutcome.fail("VirtualAlloc fails: " + badProtect.get());
        }
        if (reserve || requestedAddress == 0) {
            return reserve(requestedAddress, size, allocationType, protect, commit);
        }
        return commitInto(requestedAddress, size, protect);
    }

    private AllocOutcome reserve(long requested, long size, int type, int protect, boolean commit) {
        long base;
        long end;
        boolean fixed;
        if (requested == 0 || isCe5SectionSearch(requested)) {
            // No address, or on CE 5 a bare section base: the kernel searches for free blocks.
            long pageBytes = Ce.roundUpToPage(size);
            Placement.Choice c = requested == 0
                    ? placement.choose(pageBytes, type, protect, reservations)
                    : placement.inSection(requested, pageBytes, type, reservations);
            if (!c.ok()) {
                return AllocOutcome.fail("VirtualAlloc of " + Hex.of(size) + " bytes fails: " + c.failure());
            }
            base = c.base();
            end = base + pageBytes;
            fixed = false;
        } else {
            base = Ce.reservationBase(requested);
            end = Ce.roundUpToPage(requested + size);
            fixed = true;
            if (end > Ce.ADDRESS_LIMIT) {
                return AllocOutcome.fail("VirtualAlloc of " + Hex.of(size) + " bytes at " + Hex.addr(requested)
                        + " fails: the range runs past 4 GB");
            }
            Optional<String> problem = fixedPlacementProblem(base, end);
            if (problem.isPresent()) {
                return AllocOutcome.fail("VirtualAlloc at " + Hex.addr(requested) + " fails: " + problem.get());
            }
        }
        Reservation r = new Reservation(nextId++, base, end - base, layout.kindAt(base), fixed, type, protect);
        reservations.add(r);
        if (commit) {
            long from = fixed ? Ce.pageBase(requested) : base;
            commitPages(r, from, end, protect);
        }
        return AllocOutcome.ok(r);
    }

    /**
     * On CE 5 an address that is exactly the base of a slot or shared-area section names only the
     * section: the kernel searches it for free blocks instead of reserving at that address.
     */
    private boolean isCe5SectionSearch(long requested) {
        if (!version.isSlotted() || Sections.sectionBase(requested) != requested) {
            return false;
        }
        AreaKind kind = layout.kindAt(requested);
        return kind == AreaKind.PROCESS_SLOT || kind == AreaKind.SHARED_AREA;
    }

    private Optional<String> fixedPlacementProblem(long base, long end) {
        LayoutRegion region = layout.regionAt(base);
        if (version.isSlotted()) {
            if (region.kind() != AreaKind.PROCESS_SLOT && region.kind() != AreaKind.SHARED_AREA) {
                return Optional.of(Hex.addr(base) + " is in " + region.name() + ", where VirtualAlloc cannot reserve");
            }
            long section = Sections.sectionBase(base);
            if (base - section < Placement.FIRST_USABLE_OFFSET) {
                return Optional.of("the first 64 KB of the 32 MB section at " + Hex.addr(section)
                        + " belong to the kernel");
            }
            if (end > section + Ce.SECTION_SIZE) {
                return Optional.of("the reservation " + range(base, end) + " would cross the 32 MB section boundary at "
                        + Hex.addr(section + Ce.SECTION_SIZE) + "; CE 5 reservations stay inside one section");
            }
        } else {
            boolean user = region.kind() == AreaKind.USER_SPACE;
            boolean kernelVm = region.kind() == AreaKind.KERNEL_VM && mode == ExecutionMode.KERNEL;
            if (!user && !kernelVm) {
                return Optional.of(Hex.addr(base) + " is in " + region.name() + ", where "
                        + (mode == ExecutionMode.USER ? "user-mode " : "") + "VirtualAlloc cannot reserve");
            }
            long limit = user ? VirtualLayout.CE6_SHARED_HEAP_END : VirtualLayout.CE6_KERNEL_VM_END;
            if (base < Placement.FIRST_USABLE_OFFSET) {
                return Optional.of("the first 64 KB of the address space are never mapped");
            }
            if (end > limit) {
                return Optional.of("the reservation " + range(base, end) + " runs past " + Hex.addr(limit));
            }
        }
        Reservation clash = Placement.overlapping(base, end - base, reservations, false);
        if (clash != null) {
            return Optional.of("the range " + range(base, end) + " overlaps reservation #" + clash.id() + " "
                    + range(clash.base(), clash.endExclusive()));
        }
        return Optional.empty();
    }

    private AllocOutcome commitInto(long requested, long size, int protect) {
        if (version.isSlotted() && size > Ce.SECTION_SIZE) {
            return AllocOutcome.fail("MEM_COMMIT of " + Hex.of(size) + " bytes fails: CE 5 commits at most 32 MB"
                    + " per call");
        }
        long from = Ce.pageBase(requested);
        long end = Ce.roundUpToPage(requested + size);
        Optional<Reservation> r = reservationContaining(requested);
        if (r.isEmpty()) {
            return AllocOutcome.fail("MEM_COMMIT at " + Hex.addr(requested) + " fails: the address is not inside a"
                    + " reservation (MEM_COMMIT alone needs MEM_RESERVE first)");
        }
        Reservation res = r.get();
        if (end > res.endExclusive()) {
            return AllocOutcome.fail("MEM_COMMIT of " + range(from, end) + " fails: reservation #" + res.id() + " "
                    + range(res.base(), res.endExclusive()) + " is smaller");
        }
        commitPages(res, from, end, protect);
        return AllocOutcome.ok(res);
    }

    /** Committing a committed page only changes its protection. */
    private void commitPages(Reservation r, long from, long end, int protect) {
        pageTable.commit(from, end, protect);
        r.commit(from, end);
    }

    // ---------------------------------------------------------------- VirtualCopy

    /**
     * VirtualCopy. {@code src} is the raw argument: the physical address {@code >> 8} with
     * PAGE_PHYSICAL, else a virtual address whose mappings are duplicated.
     */
    public CopyOutcome virtualCopy(long dest, long src, long size, int protect) {
        return new CopyOp(this, dest, src, size, protect).run();
    }

    // ---------------------------------------------------------------- VirtualFree

    /**
     * VirtualFree. MEM_RELEASE needs size 0 and the reservation's base (the kernel ignores the
     * offset inside the first page); MEM_DECOMMIT needs a non-zero size inside one reservation.
     */
    public FreeOutcome virtualFree(long address, long size, int freeType) {
        if (freeType != Ce.MEM_RELEASE && freeType != Ce.MEM_DECOMMIT) {
            return FreeOutcome.fail("VirtualFree with " + AllocationType.describe(freeType)
                    + " fails: the free type must be MEM_RELEASE or MEM_DECOMMIT alone");
        }
        Optional<Reservation> found = reservationContaining(address);
        if (found.isEmpty()) {
            Optional<Reservation> released = lastReleasedContaining(address);
            if (released.isPresent()) {
                Reservation r = released.get();
                return FreeOutcome.fail("VirtualFree of " + Hex.addr(address) + " fails: reservation #" + r.id() + " "
                        + range(r.base(), r.endExclusive()) + " was already released");
            }
            return FreeOutcome.fail("VirtualFree of " + Hex.addr(address) + " fails: the address is not inside a"
                    + " reservation");
        }
        Reservation r = found.get();
        if (freeType == Ce.MEM_RELEASE) {
            return release(r, address, size);
        }
        return decommit(r, address, size);
    }

    private FreeOutcome release(Reservation r, long address, long size) {
        List<String> problems = new ArrayList<>();
        if (size != 0) {
            problems.add("MEM_RELEASE needs size 0, got " + Hex.of(size));
        }
        if (Ce.pageBase(address) != r.base()) {
            problems.add("MEM_RELEASE needs the reservation base " + Hex.addr(r.base()) + ", got " + Hex.addr(address));
        }
        if (!problems.isEmpty()) {
            return FreeOutcome.fail(String.join("; ", problems) + "; the reservation stays (reservation #" + r.id()
                    + " " + range(r.base(), r.endExclusive()) + " leaks)");
        }
        pageTable.removeRange(r.base(), r.endExclusive());
        r.release();
        return FreeOutcome.ok();
    }

    private FreeOutcome decommit(Reservation r, long address, long size) {
        if (size <= 0) {
            return FreeOutcome.fail("MEM_DECOMMIT needs a non-zero size; nothing is decommitted");
        }
        long from = Ce.pageBase(address);
        long end = Ce.roundUpToPage(address + size);
        if (end > r.endExclusive()) {
            return FreeOutcome.fail("MEM_DECOMMIT of " + range(from, end) + " fails: reservation #" + r.id() + " "
                    + range(r.base(), r.endExclusive()) + " is smaller; nothing is decommitted");
        }
        pageTable.removeRange(from, end);
        r.decommit(from, end);
        return FreeOutcome.ok();
    }

    // ---------------------------------------------------------------- MmMapIoSpace

    /**
     * CEDDK's MmMapIoSpace: reserve {@code pageOffset(physical) + size} bytes (MEM_RESERVE,
     * PAGE_NOACCESS), VirtualCopy the physical pages there with PAGE_READWRITE | PAGE_PHYSICAL
     * (plus PAGE_NOCACHE unless {@code cacheEnable}), and return the base plus the page offset.
     * When the copy fails CEDDK releases the reservation and returns NULL.
     */
    public MapOutcome mapIoSpace(long physical, long size, boolean cacheEnable) {
        long offset = Ce.pageOffset(physical);
        long sourceSize = size + offset;
        if (size < 0 || sourceSize >= Ce.ADDRESS_LIMIT) {
            return new MapOutcome(Optional.empty(), 0, CopyOutcome.refused("MmMapIoSpace of " + Hex.of(size)
                    + " bytes fails: the size overflows a DWORD"));
        }
        AllocOutcome alloc = virtualAlloc(0, sourceSize, Ce.MEM_RESERVE, Ce.PAGE_NOACCESS);
        if (!alloc.success()) {
            return new MapOutcome(Optional.empty(), 0,
                    CopyOutcome.refused("MmMapIoSpace reserves no address space: " + alloc.failure().orElse("")));
        }
        Reservation r = alloc.reservation().orElseThrow();
        int protect = Ce.PAGE_READWRITE | Ce.PAGE_PHYSICAL | (cacheEnable ? 0 : Ce.PAGE_NOCACHE);
        CopyOutcome copy = virtualCopy(r.base(), Ce.pageBase(physical) >> 8, sourceSize, protect);
        if (!copy.success()) {
            virtualFree(r.base(), 0, Ce.MEM_RELEASE);
            return new MapOutcome(Optional.of(r), 0, copy);
        }
        return new MapOutcome(Optional.of(r), r.base() + offset, copy);
    }

    /**
     * CEDDK's MmUnmapIoSpace: releases the reservation holding the page of {@code address}. CEDDK
     * ignores {@code size}, so a wrong size is a latent defect, not a leak.
     */
    public FreeOutcome unmapIoSpace(long address, long size) {
        return virtualFree(Ce.pageBase(address), 0, Ce.MEM_RELEASE);
    }

    // ---------------------------------------------------------------- queries

    /** The live (not released) reservation whose range holds {@code va}. */
    public Optional<Reservation> reservationContaining(long va) {
        for (Reservation r : reservations) {
            if (!r.isReleased() && r.contains(va)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The reservation with this id, released or not. */
    public Optional<Reservation> reservation(int id) {
        for (Reservation r : reservations) {
            if (r.id() == id) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Every reservation made so far, released ones included, in creation order. */
    public List<Reservation> reservations() {
        return List.copyOf(reservations);
    }

    /** The reservations not yet released, in creation order (what a leak check looks at). */
    public List<Reservation> liveReservations() {
        List<Reservation> out = new ArrayList<>();
        for (Reservation r : reservations) {
            if (!r.isReleased()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The physical address {@code va} maps to, when the page table knows the frame. */
    public OptionalLong physicalAddressOf(long va) {
        Optional<PageTableEntry> e = pageTable.entry(va);
        return e.isPresent() ? e.get().physicalAddressOf(va) : OptionalLong.empty();
    }

    private Optional<Reservation> lastReleasedContaining(long va) {
        Reservation found = null;
        for (Reservation r : reservations) {
            if (r.isReleased() && r.contains(va)) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String range(long start, long end) {
        return "[" + Hex.addr(start) + ", " + Hex.addr(end) + ")";
    }
}
