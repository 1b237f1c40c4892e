package dev.cemap.emulator;

import static dev.cemap.emulator.Ce.PAGE_NOACCESS;
import static dev.cemap.emulator.Ce.PAGE_NOCACHE;
import static dev.cemap.emulator.Ce.PAGE_PHYSICAL;
import static dev.cemap.emulator.Ce.PAGE_READWRITE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapIoSpaceTest {

    @Test
    void unalignedPhysicalAddressIsFixedUp() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x7F005400L, 0x100, false);
        assertThat(o.success()).isTrue();
        Reservation r = o.reservation().orElseThrow();
        assertThat(o.address()).isEqualTo(r.base() + 0x400);
        assertThat(o.address() & 0xFFF).isEqualTo(0x400L);
        assertThat(r.size()).isEqualTo(0x1000L);
        assertThat(r.allocationType()).isEqualTo(Ce.MEM_RESERVE);
        assertThat(r.protect()).isEqualTo(PAGE_NOACCESS);
        PageTableEntry e = s.pageTable().entry(r.base()).orElseThrow();
        assertThat(e.physicalPage()).hasValue(0x7F005000L);
        assertThat(e.protect()).isEqualTo(PAGE_READWRITE | PAGE_PHYSICAL | PAGE_NOCACHE);
        assertThat(e.origin()).isEqualTo("VirtualCopy PAGE_PHYSICAL 0x7F005000");
        assertThat(s.physicalAddressOf(o.address())).hasValue(0x7F005400L);
        assertThat(o.copy().mappedPages()).containsExactly(e);
    }

    @Test
    void cacheEnableLeavesOutNoCache() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x7F005000L, 0x1000, true);
        assertThat(o.address()).isEqualTo(0x02010000L);
        assertThat(s.pageTable().entry(o.address()).orElseThrow().protect()).isEqualTo(PAGE_READWRITE | PAGE_PHYSICAL);
    }

    @Test
    void rangeStraddlingAPageBoundaryMapsTwoPages() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x7F005F00L, 0x200, false);
        assertThat(o.copy().mappedPages()).extracting(p -> p.physicalPage().getAsLong())
                .containsExactly(0x7F005000L, 0x7F006000L);
        assertThat(o.reservation().orElseThrow().size()).isEqualTo(0x2000L);
    }

    @Test
    void ce5LargeMappingsComeFromTheSharedArea() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x10000000L, 0x300000, false);
        assertThat(o.success()).isTrue();
        assertThat(o.reservation().orElseThrow().area()).isEqualTo(AreaKind.SHARED_AREA);
        assertThat(o.address()).isEqualTo(0x42000000L);
    }

    @Test
    void ce5MappingAcrossASectionFailsAndCeddkReleasesTheReservation() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x10000000L, 0x3200000, false);
        assertThat(o.success()).isFalse();
        assertThat(o.address()).isZero();
        assertThat(o.copy().failures()).containsExactly(CopyFailure.CROSSES_SECTION);
        assertThat(o.reservation().orElseThrow().isReleased()).isTrue();
        assertThat(s.liveReservations()).isEmpty();
        assertThat(s.pageTable().entries()).isEmpty();
    }

    @Test
    void ce6MapsTheSameRangeInOneCall() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x10000000L, 0x3200000, false);
        assertThat(o.success()).isTrue();
        assertThat(o.copy().mappedPages()).hasSize(0x3200);
    }

    @Test
    void failedReservationGivesNoAddress() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x10000000L, 0, false);
        assertThat(o.success()).isFalse();
        assertThat(o.reservation()).isEmpty();
        assertThat(o.copy().failures()).isEmpty();
        assertThat(o.copy().reasons()).singleElement().asString().contains("VirtualAlloc");
    }

    @Test
    void unmapIgnoresTheSizeAndReleases() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        MapOutcome o = s.mapIoSpace(0x7F005400L, 0x100, false);
        assertThat(s.unmapIoSpace(o.address(), 0x12345).success()).isTrue();
        assertThat(o.reservation().orElseThrow().isReleased()).isTrue();
        assertThat(s.pageTable().entries()).isEmpty();
    }
}
