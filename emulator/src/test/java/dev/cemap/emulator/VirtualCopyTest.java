package dev.cemap.emulator;

import static dev.cemap.emulator.Ce.MEM_COMMIT;
import static dev.cemap.emulator.Ce.MEM_RESERVE;
import static dev.cemap.emulator.Ce.PAGE_GUARD;
import static dev.cemap.emulator.Ce.PAGE_NOACCESS;
import static dev.cemap.emulator.Ce.PAGE_NOCACHE;
import static dev.cemap.emulator.Ce.PAGE_PHYSICAL;
import static dev.cemap.emulator.Ce.PAGE_READWRITE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VirtualCopyTest {
    private static final int PHYS_RW_NOCACHE = PAGE_READWRITE | PAGE_PHYSICAL | PAGE_NOCACHE;

    private static Reservation reserve(AddressSpace s, long address, long size) {
        return s.virtualAlloc(address, size, MEM_RESERVE, PAGE_NOACCESS).reservation().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(CeVersion.class)
    void documentedInvalidCallFailsOnPageOffset(CeVersion version) {
        AddressSpace s = new AddressSpace(version, ExecutionMode.KERNEL);
        reserve(s, 0x50000, 0x2000);
        CopyOutcome o = s.virtualCopy(0x50000, 0xC00DA800L >> 8, 0x1000, PHYS_RW_NOCACHE);
        assertThat(o.success()).isFalse();
        assertThat(o.failures()).containsExactly(CopyFailure.PAGE_OFFSET_MISMATCH);
        assertThat(o.reasons()).hasSize(1);
        assertThat(o.reasons().get(0))
                .contains("destination offset 0x000 but physical 0xC00DA800 has offset 0x800");
        assertThat(o.mappedPages()).isEmpty();
        assertThat(s.pageTable().entries()).isEmpty();
    }

    @Test
    void unalignedPhysicalWithMatchingDestinationOffsetSucceeds() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        reserve(s, 0x50000, 0x2000);
        CopyOutcome o = s.virtualCopy(0x50800, 0xC00DA800L >> 8, 0x1000, PHYS_RW_NOCACHE);
        assertThat(o.success()).isTrue();
        assertThat(o.mappedPages()).extracting(PageTableEntry::virtualPage).containsExactly(0x50000L, 0x51000L);
        assertThat(s.physicalAddressOf(0x50800)).hasValue(0xC00DA800L);
        assertThat(s.physicalAddressOf(0x51000)).hasValue(0xC00DB000L);
    }

    @Test
    void physicalCopyMapsEveryPageAndCommitsIt() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x20000);
        CopyOutcome o = s.virtualCopy(r.base(), 0x64000000L / 256, 128 * 1024, PHYS_RW_NOCACHE);
        assertThat(o.success()).isTrue();
        assertThat(o.failures()).isEmpty();
        assertThat(o.mappedPages()).hasSize(32);
        PageTableEntry first = o.mappedPages().get(0);
        assertThat(first.virtualPage()).isEqualTo(r.base());
        assertThat(first.physicalPage()).hasValue(0x64000000L);
        assertThat(first.protect()).isEqualTo(PHYS_RW_NOCACHE);
        assertThat(first.origin()).isEqualTo("VirtualCopy PAGE_PHYSICAL 0x64000000");
        assertThat(o.mappedPages().get(31).physicalPage()).hasValue(0x6401F000L);
        assertThat(r.isCommitted(r.base() + 0x1F000)).isTrue();
        assertThat(s.physicalAddressOf(r.base() + 0x1234)).hasValue(0x64001234L);
        assertThat(s.pageTable().entries()).hasSize(32);
    }

    @Test
    void committedDestinationFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = s.virtualAlloc(0, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE).reservation().orElseThrow();
        CopyOutcome o = s.virtualCopy(r.base(), 0x10000000L >> 8, 0x1000, PHYS_RW_NOCACHE);
        assertThat(o.failures()).containsExactly(CopyFailure.DEST_COMMITTED);
        assertThat(o.reasons().get(0)).contains("MEM_COMMIT").contains("0x02010000");
    }

    @Test
    void secondCopyOntoTheSamePagesFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        assertThat(s.virtualCopy(r.base(), 0x10000000L >> 8, 0x1000, PHYS_RW_NOCACHE).success()).isTrue();
        CopyOutcome again = s.virtualCopy(r.base(), 0x20000000L >> 8, 0x1000, PHYS_RW_NOCACHE);
        assertThat(again.failures()).containsExactly(CopyFailure.DEST_COMMITTED);
        assertThat(again.reasons().get(0)).contains("VirtualCopy PAGE_PHYSICAL 0x10000000");
        assertThat(s.physicalAddressOf(r.base())).hasValue(0x10000000L);
    }

    @Test
    void reservationProtectionIsNotChecked() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = s.virtualAlloc(0, 0x1000, MEM_RESERVE, PAGE_READWRITE).reservation().orElseThrow();
        assertThat(s.virtualCopy(r.base(), 0x10000000L >> 8, 0x1000, PHYS_RW_NOCACHE).success()).isTrue();
    }

    @Test
    void copyLargerThanTheReservationFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        CopyOutcome o = s.virtualCopy(r.base(), 0x10000000L >> 8, 0x2000, PHYS_RW_NOCACHE);
        assertThat(o.failures()).containsExactly(CopyFailure.RANGE_EXCEEDS_RESERVATION);
        assertThat(o.reasons().get(0)).contains("0x02011000").contains("0x02012000").contains("0x1000 bytes");
        assertThat(r.committedPageCount()).isZero();
    }

    @Test
    void destinationOutsideAnyReservationFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        CopyOutcome o = s.virtualCopy(0x02500000L, 0x10000000L >> 8, 0x1000, PHYS_RW_NOCACHE);
        assertThat(o.failures()).containsExactly(CopyFailure.DEST_NOT_RESERVED);
        assertThat(o.reasons().get(0)).contains("0x02500000").contains("slot 1");
        assertThat(s.virtualCopy(0, 0x10000000L >> 8, 0x1000, PHYS_RW_NOCACHE).reasons().get(0)).contains("NULL");
    }

    @Test
    void destinationInAReleasedReservationFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        assertThat(s.virtualFree(r.base(), 0, Ce.MEM_RELEASE).success()).isTrue();
        CopyOutcome o = s.virtualCopy(r.base(), 0x10000000L >> 8, 0x1000, PHYS_RW_NOCACHE);
        assertThat(o.failures()).containsExactly(CopyFailure.DEST_NOT_RESERVED);
        assertThat(o.reasons().get(0)).contains("already released");
    }

    @Test
    void everyViolatedCheckIsListedInKernelOrder() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        CopyOutcome o = s.virtualCopy(r.base(), 0x10000400L >> 8, 0x2000, PAGE_NOACCESS | PAGE_GUARD | PAGE_PHYSICAL);
        assertThat(o.failures()).containsExactly(CopyFailure.INVALID_PROTECTION,
                CopyFailure.RANGE_EXCEEDS_RESERVATION, CopyFailure.PAGE_OFFSET_MISMATCH);
        assertThat(o.reasons()).hasSize(3);
        assertThat(o.reasonFor(CopyFailure.INVALID_PROTECTION)).contains("PAGE_GUARD on PAGE_NOACCESS");
        assertThat(o.reasonFor(CopyFailure.CROSSES_SECTION)).isNull();
    }

    @Test
    void invalidProtectionAloneFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        CopyOutcome o = s.virtualCopy(r.base(), 0x10000000L >> 8, 0x1000, PAGE_NOACCESS | PAGE_NOCACHE | PAGE_PHYSICAL);
        assertThat(o.failures()).containsExactly(CopyFailure.INVALID_PROTECTION);
        assertThat(o.reasons().get(0)).contains("PAGE_NOCACHE on PAGE_NOACCESS");
        assertThat(s.virtualCopy(r.base(), 0x10000000L >> 8, 0x1000, PAGE_READWRITE | 0x400 | 0x06).failures())
                .containsExactly(CopyFailure.INVALID_PROTECTION);
    }

    @Test
    void sectionCrossingFailsOnCe5AndSucceedsOnCe6ForTheSameNumbers() {
        AddressSpace ce5 = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        AddressSpace ce6 = new AddressSpace(CeVersion.CE6, ExecutionMode.USER);
        Reservation r5 = reserve(ce5, 0, 0x3000000);
        Reservation r6 = reserve(ce6, 0x42000000L, 0x3000000);
        assertThat(r5.base()).isEqualTo(0x42000000L);
        assertThat(r6.base()).isEqualTo(0x42000000L);

        CopyOutcome o5 = ce5.virtualCopy(0x43FF0000L, 0x10000000L >> 8, 0x20000, PHYS_RW_NOCACHE);
        CopyOutcome o6 = ce6.virtualCopy(0x43FF0000L, 0x10000000L >> 8, 0x20000, PHYS_RW_NOCACHE);

        assertThat(o5.failures()).containsExactly(CopyFailure.CROSSES_SECTION);
        assertThat(o5.reasons().get(0)).contains("0x44000000").contains("split");
        assertThat(o6.success()).isTrue();
        assertThat(ce6.physicalAddressOf(0x44000000L)).hasValue(0x10010000L);
    }

    @Test
    void copyEndingOnASectionBoundaryDoesNotCross() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        reserve(s, 0, 0x3000000);
        assertThat(s.virtualCopy(0x43FF0000L, 0x10000000L >> 8, 0x10000, PHYS_RW_NOCACHE).success()).isTrue();
    }

    @Test
    void ce5VirtualCopyNeedsEqualOffsetsWithin64K() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation src = reserve(s, 0, 0x10000);
        assertThat(s.virtualCopy(src.base(), 0x30000000L >> 8, 0x10000, PHYS_RW_NOCACHE).success()).isTrue();
        Reservation dst = reserve(s, 0, 0x20000);

        CopyOutcome wrong = s.virtualCopy(dst.base() + 0x1000, src.base(), 0x1000, PAGE_READWRITE);
        assertThat(wrong.failures()).containsExactly(CopyFailure.PAGE_OFFSET_MISMATCH);
        assertThat(wrong.reasons().get(0)).contains("64 KB offset 0x1000").contains("64 KB offset 0x0000");

        CopyOutcome right = s.virtualCopy(dst.base() + 0x10000 + 0x2000, src.base() + 0x2000, 0x1000, PAGE_READWRITE);
        assertThat(right.success()).isTrue();
        assertThat(right.mappedPages().get(0).physicalPage()).hasValue(0x30002000L);
        assertThat(right.mappedPages().get(0).origin()).isEqualTo("VirtualCopy of 0x02012000");
    }

    @Test
    void ce6VirtualCopyNeedsOnlyEqualPageOffsets() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation src = reserve(s, 0, 0x10000);
        assertThat(s.virtualCopy(src.base(), 0x30000000L >> 8, 0x10000, PHYS_RW_NOCACHE).success()).isTrue();
        Reservation dst = reserve(s, 0, 0x10000);
        CopyOutcome o = s.virtualCopy(dst.base() + 0x1000, src.base() + 0x3000, 0x2000, PAGE_READWRITE);
        assertThat(o.success()).isTrue();
        assertThat(s.physicalAddressOf(dst.base() + 0x2010)).hasValue(0x30004010L);
        CopyOutcome bad = s.virtualCopy(dst.base() + 0x5000, src.base() + 0x5100, 0x100, PAGE_READWRITE);
        assertThat(bad.failures()).containsExactly(CopyFailure.PAGE_OFFSET_MISMATCH);
        assertThat(bad.reasons().get(0)).contains("page offset 0x000").contains("page offset 0x100");
    }

    @Test
    void virtualSourceMustBeMapped() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation src = reserve(s, 0, 0x10000);
        Reservation dst = reserve(s, 0, 0x10000);
        CopyOutcome o = s.virtualCopy(dst.base(), src.base(), 0x2000, PAGE_READWRITE);
        assertThat(o.failures()).containsExactly(CopyFailure.SOURCE_NOT_MAPPED);
        assertThat(o.reasons().get(0)).contains("2 of the 2").contains(Hex.addr(src.base()));
        assertThat(s.virtualCopy(dst.base(), 0, 0x1000, PAGE_READWRITE).failures())
                .containsExactly(CopyFailure.SOURCE_NOT_MAPPED);
    }

    @Test
    void staticWindowSourceIsMappedWithUnknownFrame() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation dst = reserve(s, 0, 0x1000);
        CopyOutcome o = s.virtualCopy(dst.base(), 0xB0000000L, 0x1000, PAGE_READWRITE | PAGE_NOCACHE);
        assertThat(o.success()).isTrue();
        assertThat(o.mappedPages().get(0).physicalPage()).isEmpty();
        assertThat(s.physicalAddressOf(dst.base())).isEmpty();
    }

    @Test
    void ce5StaticWindowSourceNeedsOnlyPageOffsets() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation dst = reserve(s, 0, 0x1000);
        assertThat(s.virtualCopy(dst.base(), 0xB0001000L, 0x1000, PAGE_READWRITE | PAGE_NOCACHE).success()).isTrue();
    }

    @Test
    void sizeZeroIsRefusedBeforeTheChecks() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        CopyOutcome o = s.virtualCopy(r.base(), 0x10000000L >> 8, 0, PHYS_RW_NOCACHE);
        assertThat(o.success()).isFalse();
        assertThat(o.failures()).isEmpty();
        assertThat(o.reasons()).singleElement().asString().contains("size of 0");
    }

    @Test
    void pagePhysicalSourceShiftedByEightReachesBeyond32Bits() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = reserve(s, 0, 0x1000);
        assertThat(s.virtualCopy(r.base(), 0x1_2000_0000L >> 8, 0x1000, PHYS_RW_NOCACHE).success()).isTrue();
        assertThat(s.physicalAddressOf(r.base() + 4)).hasValue(0x1_2000_0004L);
    }
}
