package dev.cemap.emulator;

import static dev.cemap.emulator.Ce.MEM_COMMIT;
import static dev.cemap.emulator.Ce.MEM_DECOMMIT;
import static dev.cemap.emulator.Ce.MEM_RESERVE;
import static dev.cemap.emulator.Ce.PAGE_NOACCESS;
import static dev.cemap.emulator.Ce.PAGE_PHYSICAL;
import static dev.cemap.emulator.Ce.PAGE_READONLY;
import static dev.cemap.emulator.Ce.PAGE_READWRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A mapping is kept as runs of pages; what the table answers is the same as page by page. */
class PageTableTest {
    private static final int PHYS = PAGE_READWRITE | PAGE_PHYSICAL;

    private static Reservation mapped(AddressSpace s, long size) {
        Reservation r = s.virtualAlloc(0, size, MEM_RESERVE, PAGE_NOACCESS).reservation().orElseThrow();
        assertThat(s.virtualCopy(r.base(), 0x48000000L >> 8, size, PHYS).success()).isTrue();
        return r;
    }

    private static PageTableEntry physical(long va, long pa) {
        return new PageTableEntry(va, OptionalLong.of(pa), PHYS, "VirtualCopy PAGE_PHYSICAL " + Hex.addr(pa));
    }

    @Test
    void aPhysicalCopyMapsEachPageOntoItsFrame() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x3000);
        assertThat(s.pageTable().entries()).containsExactly(physical(r.base(), 0x48000000L),
                physical(r.base() + 0x1000, 0x48001000L), physical(r.base() + 0x2000, 0x48002000L));
        assertThat(s.pageTable().entry(r.base() + 0x1234)).contains(physical(r.base() + 0x1000, 0x48001000L));
        assertThat(s.pageTable().entries(r.base() + 0x1800, r.base() + 0x2001))
                .containsExactly(physical(r.base() + 0x1000, 0x48001000L), physical(r.base() + 0x2000, 0x48002000L));
        assertThat(s.pageTable().size()).isEqualTo(3);
    }

    @Test
    void decommittingTheMiddleOfARunKeepsBothEnds() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x4000);
        assertThat(s.virtualFree(r.base() + 0x1000, 0x2000, MEM_DECOMMIT).success()).isTrue();
        assertThat(s.pageTable().entries()).containsExactly(physical(r.base(), 0x48000000L),
                physical(r.base() + 0x3000, 0x48003000L));
        assertThat(List.of(r.isCommitted(r.base()), r.isCommitted(r.base() + 0x1000), r.isCommitted(r.base() + 0x2000),
                r.isCommitted(r.base() + 0x3000))).containsExactly(true, false, false, true);
    }

    @Test
    void committingOverAMappingChangesOnlyItsProtection() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = s.virtualAlloc(0, 0x4000, MEM_RESERVE, PAGE_NOACCESS).reservation().orElseThrow();
        assertThat(s.virtualCopy(r.base() + 0x1000, 0x48000000L >> 8, 0x1000, PHYS).success()).isTrue();
        assertThat(s.virtualAlloc(r.base(), 0x3000, MEM_COMMIT, PAGE_READONLY).success()).isTrue();
        assertThat(s.pageTable().entries()).containsExactly(
                new PageTableEntry(r.base(), OptionalLong.empty(), PAGE_READONLY, "MEM_COMMIT"),
                new PageTableEntry(r.base() + 0x1000, OptionalLong.of(0x48000000L), PAGE_READONLY,
                        "VirtualCopy PAGE_PHYSICAL 0x48000000"),
                new PageTableEntry(r.base() + 0x2000, OptionalLong.empty(), PAGE_READONLY, "MEM_COMMIT"));
        assertThat(r.committedPageCount()).isEqualTo(3);
    }

    @Test
    void aCopyOfTheSpaceKeepsItsRunsWhenTheOriginalChanges() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x2000);
        AddressSpace fork = s.copy();
        assertThat(s.virtualFree(r.base(), 0x1000, MEM_DECOMMIT).success()).isTrue();
        assertThat(s.pageTable().size()).isEqualTo(1);
        assertThat(fork.pageTable().entries()).containsExactly(physical(r.base(), 0x48000000L),
                physical(r.base() + 0x1000, 0x48001000L));
    }

    @Test
    void hexSpellingsAreUnsignedAndPadded() {
        assertThat(Hex.addr(0x5400)).isEqualTo("0x00005400");
        assertThat(Hex.addr(0x7F005400L)).isEqualTo("0x7F005400");
        assertThat(Hex.of(0)).isEqualTo("0x0");
        assertThat(Hex.pageOffset(0xA)).isEqualTo("0x00A");
        assertThat(Hex.of(-1)).isEqualTo("0xFFFFFFFFFFFFFFFF");
        assertThat(Hex.addr(0x1_0000_0000L)).isEqualTo("0x100000000");
    }
}
