package dev.cemap.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One VirtualCopy, checked the way the CE 5 / CE 6 kernels check it (DoVirtualCopy / VMCopy):
 * protection, destination pages reserved and uncommitted inside one reservation, source offset,
 * on CE 5 the 32 MB section, and for virtual sources that the source pages are mapped. Unlike the
 * kernel it does not stop at the first failed check, so a replay reports every defect at once.
 */
final class CopyOp {
    private final AddressSpace space;
    private final long dest;
    private final long src;
    private final long size;
    private final int protect;
    private final List<CopyFailure> failures = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();

    CopyOp(AddressSpace space, long dest, long src, long size, int protect) {
        this.space = space;
        this.dest = dest;
        this.src = src;
        this.size = size;
        this.protect = protect;
    }

    CopyOutcome run() {
        if (size <= 0) {
            return CopyOutcome.refused("VirtualCopy of " + size + " bytes fails: the kernel rejects a size of 0");
        }
        if (size >= Ce.ADDRESS_LIMIT) {
            return CopyOutcome.refused("VirtualCopy of " + Hex.of(size) + " bytes fails: the size is not a DWORD");
        }
        boolean physical = Protection.isPhysical(protect);
        long destStart = Ce.pageBase(dest);
        long destEnd = Ce.roundUpToPage(dest + size);

        Protection.virtualCopyRejection(protect).ifPresent(why -> fail(CopyFailure.INVALID_PROTECTION, why));
        Reservation target = checkDestination(destStart, destEnd);
        if (physical) {
            checkPhysicalOffset();
        } else {
            checkVirtualOffset();
        }
        if (space.version().isSlotted()) {
            Sections.boundaryInside(dest, size).ifPresent(b -> fail(CopyFailure.CROSSES_SECTION,
                    "the copy " + range(dest, dest + size) + " crosses the 32 MB section boundary at " + Hex.addr(b)
                            + "; CE 5 fails such a VirtualCopy, split it at the boundary"));
        }
        List<PageTableEntry> sourcePages = physical ? List.of() : sourceEntries(destEnd - destStart);
        if (!failures.isEmpty()) {
            return new CopyOutcome(false, failures, reasons, List.of());
        }
        return CopyOutcome.ok(map(target, destStart, destEnd, physical, sourcePages));
    }

    private Reservation checkDestination(long destStart, long destEnd) {
        Optional<Reservation> live = space.reservationContaining(dest);
        if (live.isEmpty()) {
            fail(CopyFailure.DEST_NOT_RESERVED, destinationProblem());
            return null;
        }
        Reservation r = live.get();
        long checkedEnd = Math.min(destEnd, r.endExclusive());
        long committed = r.committedPagesIn(destStart, checkedEnd);
        if (committed > 0) {
            long firstCommitted = r.firstCommittedIn(destStart, checkedEnd);
            String how = space.pageTable().entry(firstCommitted).map(PageTableEntry::origin).orElse("MEM_COMMIT");
            fail(CopyFailure.DEST_COMMITTED, committed + " of the " + Ce.pagesSpanned(dest, size)
                    + " destination pages are already committed, first " + Hex.addr(firstCommitted) + " (" + how
                    + "); VirtualCopy needs reserved, uncommitted pages");
        }
        if (destEnd > r.endExclusive()) {
            fail(CopyFailure.RANGE_EXCEEDS_RESERVATION, "the copy needs pages " + range(destStart, destEnd)
                    + " but reservation #" + r.id() + " " + range(r.base(), r.endExclusive()) + " ends "
                    + Hex.of(destEnd - r.endExclusive()) + " bytes earlier");
        }
        return r;
    }

    private String destinationProblem() {
        if (dest == 0) {
            return "the destination is NULL; VirtualCopy needs an address from VirtualAlloc(MEM_RESERVE)";
        }
        Optional<Reservation> released = space.reservations().stream()
                .filter(r -> r.isReleased() && r.contains(dest)).reduce((a, b) -> b);
        if (released.isPresent()) {
            Reservation r = released.get();
            return "the destination " + Hex.addr(dest) + " lies in reservation #" + r.id() + " "
                    + range(r.base(), r.endExclusive()) + ", which was already released";
        }
        return "the destination " + Hex.addr(dest) + " (" + space.layout().regionAt(dest).name()
                + ") is not inside a reservation; VirtualCopy needs an address from VirtualAlloc(MEM_RESERVE)";
    }

    private void checkPhysicalOffset() {
        long pa = src << 8;
        long destOff = Ce.pageOffset(dest);
        long srcOff = Ce.pageOffset(pa);
        if (destOff != srcOff) {
            fail(CopyFailure.PAGE_OFFSET_MISMATCH, "destination offset " + Hex.pageOffset(destOff) + " but physical "
                    + Hex.addr(pa) + " has offset " + Hex.pageOffset(srcOff) + " (destination " + Hex.addr(dest)
                    + ", source argument " + Hex.addr(src) + "); one virtual page cannot map two physical pages");
        }
    }

    private void checkVirtualOffset() {
        if (src == 0) {
            return; // reported as an unmapped source
        }
        // CE 5 copies a virtual range by sharing or walking 64 KB blocks, so the offsets inside the
        // block must agree; a source in the static kernel windows is mapped per page. CE 6 and
        // later only need equal page offsets.
        boolean blockWise = space.version().isSlotted() && !VirtualLayout.isStaticWindow(src);
        long mask = blockWise ? Ce.RESERVATION_GRANULARITY - 1 : Ce.PAGE_MASK;
        long destOff = dest & mask;
        long srcOff = src & mask;
        if (destOff != srcOff) {
            String unit = blockWise ? "64 KB offset " : "page offset ";
            String d = blockWise ? Hex.blockOffset(destOff) : Hex.pageOffset(destOff);
            String s = blockWise ? Hex.blockOffset(srcOff) : Hex.pageOffset(srcOff);
            fail(CopyFailure.PAGE_OFFSET_MISMATCH, "destination " + Hex.addr(dest) + " has " + unit + d
                    + " but virtual source " + Hex.addr(src) + " has " + unit + s
                    + (blockWise ? "; CE 5 copies virtual mappings only at equal offsets within 64 KB"
                                 : "; one virtual page cannot map two physical pages"));
        }
    }

    /** The entries that a virtual copy duplicates, one per destination page; records a failure if any is missing. */
    private List<PageTableEntry> sourceEntries(long bytes) {
        if (src == 0) {
            fail(CopyFailure.SOURCE_NOT_MAPPED, "the source is NULL; without PAGE_PHYSICAL the source must be"
                    + " a mapped virtual address");
            return List.of();
        }
        List<PageTableEntry> out = new ArrayList<>();
        long missing = 0;
        long firstMissing = -1;
        long start = Ce.pageBase(src);
        for (long off = 0; off < bytes; off += Ce.PAGE_SIZE) {
            long page = start + off;
            Optional<PageTableEntry> e = sourceEntry(page);
            if (e.isPresent()) {
                out.add(e.get());
            } else {
                missing++;
                if (firstMissing < 0) {
                    firstMissing = page;
                }
            }
        }
        if (missing > 0) {
            fail(CopyFailure.SOURCE_NOT_MAPPED, missing + " of the " + (bytes / Ce.PAGE_SIZE)
                    + " source pages are not mapped, first " + Hex.addr(firstMissing) + " ("
                    + space.layout().regionAt(firstMissing).name() + "); without PAGE_PHYSICAL VirtualCopy copies"
                    + " existing mappings");
        }
        return out;
    }

    private Optional<PageTableEntry> sourceEntry(long page) {
        if (page >= Ce.ADDRESS_LIMIT) {
            return Optional.empty();
        }
        Optional<PageTableEntry> e = space.pageTable().entry(page);
        if (e.isPresent()) {
            return e;
        }
        if (VirtualLayout.isStaticWindow(page)) {
            // Mapped by the OEMAddressTable; which physical page is the BSP's business.
            return Optional.of(new PageTableEntry(page, OptionalLong.empty(), protect,
                    "static mapping " + Hex.addr(page)));
        }
        return Optional.empty();
    }

    private List<PageTableEntry> map(Reservation target, long destStart, long destEnd, boolean physical,
            List<PageTableEntry> sourcePages) {
        target.commit(destStart, destEnd);
        if (physical) {
            PageRun run = PageRun.physicalCopy(destStart, (destEnd - destStart) / Ce.PAGE_SIZE,
                    Ce.pageBase(src << 8), protect);
            space.pageTableMutable().put(run);
            return run.entries();
        }
        List<PageTableEntry> out = new ArrayList<>();
        int i = 0;
        for (long va = destStart; va < destEnd; va += Ce.PAGE_SIZE, i++) {
            PageTableEntry s = sourcePages.get(i);
            PageTableEntry e = new PageTableEntry(va, s.physicalPage(), protect, "VirtualCopy of " + Hex.addr(s.virtualPage()));
            space.pageTableMutable().put(e);
            out.add(e);
        }
        return out;
    }

    private void fail(CopyFailure f, String why) {
        failures.add(f);
        reasons.add(why);
    }

    private static String range(long start, long end) {
        return "[" + Hex.addr(start) + ", " + Hex.addr(end) + ")";
    }
}
