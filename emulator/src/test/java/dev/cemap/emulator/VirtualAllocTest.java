package dev.cemap.emulator;

import static dev.cemap.emulator.Ce.MEM_COMMIT;
import static dev.cemap.emulator.Ce.MEM_RELEASE;
import static dev.cemap.emulator.Ce.MEM_RESERVE;
import static dev.cemap.emulator.Ce.MEM_TOP_DOWN;
import static dev.cemap.emulator.Ce.PAGE_NOACCESS;
import static dev.cemap.emulator.Ce.PAGE_PHYSICAL;
import static dev.cemap.emulator.Ce.PAGE_READWRITE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualAllocTest {

    private static Reservation reserve(AddressSpace s, long address, long size) {
        AllocOutcome o = s.virtualAlloc(address, size, MEM_RESERVE, PAGE_NOACCESS);
        assertThat(o.failure()).isEmpty();
        return o.reservation().orElseThrow();
    }

    @Test
    void ce5SmallReservationsComeFromTheProcessSlot() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation a = reserve(s, 0, 0x1000);
        Reservation b = reserve(s, 0, 0x1FF000);
        assertThat(a.base()).isEqualTo(0x02010000L);
        assertThat(a.size()).isEqualTo(0x1000L);
        assertThat(a.area()).isEqualTo(AreaKind.PROCESS_SLOT);
        assertThat(a.placementFixed()).isFalse();
        assertThat(b.base()).isEqualTo(0x02020000L);
        assertThat(b.size()).isEqualTo(0x1FF000L);
        assertThat(b.area()).isEqualTo(AreaKind.PROCESS_SLOT);
    }

    @Test
    void ce5ThresholdAppliesToThePageRoundedSize() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        assertThat(reserve(s, 0, 0x1FF001).area()).isEqualTo(AreaKind.SHARED_AREA);
    }

    @Test
    void ce5ReservationsOfTwoMegabytesAndMoreComeFromTheSharedArea() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation a = reserve(s, 0, 0x200000);
        Reservation b = reserve(s, 0, 0x300000);
        assertThat(a.base()).isEqualTo(0x42000000L);
        assertThat(a.area()).isEqualTo(AreaKind.SHARED_AREA);
        assertThat(b.base()).isEqualTo(0x42200000L);
        assertThat(b.area()).isEqualTo(AreaKind.SHARED_AREA);
        assertThat(a.placementFixed()).isFalse();
    }

    @Test
    void ce5SharedAreaOnlyForReserveWithNoAccess() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation committed = s.virtualAlloc(0, 0x200000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)
                .reservation().orElseThrow();
        Reservation readWrite = s.virtualAlloc(0, 0x200000, MEM_RESERVE, PAGE_READWRITE).reservation().orElseThrow();
        assertThat(committed.area()).isEqualTo(AreaKind.PROCESS_SLOT);
        assertThat(readWrite.area()).isEqualTo(AreaKind.PROCESS_SLOT);
    }

    @Test
    void ce5HugeReservationsStartOnASectionBoundary() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        reserve(s, 0, 0x200000);
        Reservation huge = reserve(s, 0, 0x3000000);
        assertThat(huge.base()).isEqualTo(0x44000000L);
        assertThat(huge.endExclusive()).isEqualTo(0x47000000L);
    }

    @Test
    void ce5SlotAllocationsAreLimitedTo32Megabytes() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        AllocOutcome o = s.virtualAlloc(0, 0x2800000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        assertThat(o.reservation()).isEmpty();
        assertThat(o.failure()).hasValueSatisfying(why -> assertThat(why).contains("32 MB"));
    }

    @Test
    void ce6KernelModeAllocatesFromKernelVm() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation a = reserve(s, 0, 0x1000);
        Reservation b = reserve(s, 0, 0x400000);
        assertThat(a.base()).isEqualTo(0xD0000000L);
        assertThat(a.area()).isEqualTo(AreaKind.KERNEL_VM);
        assertThat(b.base()).isEqualTo(0xD0010000L);
    }

    @Test
    void ce7UserModeAllocatesFromTheBottomOfUserSpace() {
        AddressSpace s = new AddressSpace(CeVersion.CE7, ExecutionMode.USER);
        Reservation a = reserve(s, 0, 0x1000);
        assertThat(a.base()).isEqualTo(0x00010000L);
        assertThat(a.area()).isEqualTo(AreaKind.USER_SPACE);
        Reservation top = s.virtualAlloc(0, 0x1000, MEM_RESERVE | MEM_TOP_DOWN, PAGE_NOACCESS)
                .reservation().orElseThrow();
        assertThat(top.base()).isEqualTo(0x3FFF0000L);
    }

    @Test
    void fixedAddressIsRoundedDownTo64K() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0x50800, 0x1000);
        assertThat(r.base()).isEqualTo(0x50000L);
        assertThat(r.endExclusive()).isEqualTo(0x52000L);
        assertThat(r.placementFixed()).isTrue();
    }

    @Test
    void fixedAddressThatOverlapsFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.USER);
        reserve(s, 0x50000, 0x20000);
        AllocOutcome o = s.virtualAlloc(0x60000, 0x1000, MEM_RESERVE, PAGE_NOACCESS);
        assertThat(o.failure()).hasValueSatisfying(why -> assertThat(why).contains("overlaps reservation #1"));
    }

    @Test
    void fixedAddressInTheStaticWindowFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        assertThat(s.virtualAlloc(0xA0010000L, 0x1000, MEM_RESERVE, PAGE_NOACCESS).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("uncached"));
    }

    @Test
    void ce6UserModeCannotReserveInKernelVm() {
        AddressSpace user = new AddressSpace(CeVersion.CE6, ExecutionMode.USER);
        AddressSpace kernel = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        assertThat(user.virtualAlloc(0xD0100000L, 0x1000, MEM_RESERVE, PAGE_NOACCESS).success()).isFalse();
        assertThat(kernel.virtualAlloc(0xD0100000L, 0x1000, MEM_RESERVE, PAGE_NOACCESS).success()).isTrue();
    }

    @Test
    void ce5FixedReservationCannotCrossASection() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        assertThat(s.virtualAlloc(0x03FF0000L, 0x20000, MEM_RESERVE, PAGE_NOACCESS).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("0x04000000"));
    }

    @Test
    void sizeZeroAndHugeSizesFail() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        assertThat(s.virtualAlloc(0, 0, MEM_RESERVE, PAGE_NOACCESS).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("size of 0"));
        assertThat(s.virtualAlloc(0, 0x1_0000_0000L, MEM_RESERVE, PAGE_NOACCESS).success()).isFalse();
        assertThat(s.virtualAlloc(0, 0x30000000L, MEM_RESERVE, PAGE_NOACCESS).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("kernel VM"));
        assertThat(s.reservations()).isEmpty();
    }

    @Test
    void invalidTypeOrProtectionFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        assertThat(s.virtualAlloc(0, 0x1000, MEM_RELEASE, PAGE_NOACCESS).success()).isFalse();
        assertThat(s.virtualAlloc(0, 0x1000, 0, PAGE_NOACCESS).success()).isFalse();
        assertThat(s.virtualAlloc(0, 0x1000, MEM_RESERVE, PAGE_READWRITE | PAGE_PHYSICAL).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("PAGE_PHYSICAL"));
    }

    @Test
    void memCommitCommitsEveryPage() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = s.virtualAlloc(0, 0x2000, MEM_COMMIT, PAGE_READWRITE).reservation().orElseThrow();
        assertThat(r.isCommitted(r.base())).isTrue();
        assertThat(r.isCommitted(r.base() + 0x1FFF)).isTrue();
        assertThat(r.committedPageCount()).isEqualTo(2);
        assertThat(s.pageTable().entry(r.base())).hasValueSatisfying(e -> {
            assertThat(e.origin()).isEqualTo("MEM_COMMIT");
            assertThat(e.physicalPage()).isEmpty();
        });
    }

    @Test
    void memCommitIntoAnExistingReservationCommitsThosePages() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x4000);
        AllocOutcome o = s.virtualAlloc(r.base() + 0x1800, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(o.reservation()).containsSame(r);
        assertThat(r.isCommitted(r.base())).isFalse();
        assertThat(r.isCommitted(r.base() + 0x1000)).isTrue();
        assertThat(r.isCommitted(r.base() + 0x2000)).isTrue();
        assertThat(r.isCommitted(r.base() + 0x3000)).isFalse();
    }

    @Test
    void memCommitOutsideAReservationFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        assertThat(s.virtualAlloc(0xD5000000L, 0x1000, MEM_COMMIT, PAGE_READWRITE).success()).isFalse();
        assertThat(s.virtualAlloc(r.base(), 0x2000, MEM_COMMIT, PAGE_READWRITE).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("smaller"));
    }
}
