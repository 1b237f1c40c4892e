package dev.cemap.emulator;

import static dev.cemap.emulator.Ce.MEM_DECOMMIT;
import static dev.cemap.emulator.Ce.MEM_RELEASE;
import static dev.cemap.emulator.Ce.MEM_RESERVE;
import static dev.cemap.emulator.Ce.PAGE_NOACCESS;
import static dev.cemap.emulator.Ce.PAGE_NOCACHE;
import static dev.cemap.emulator.Ce.PAGE_PHYSICAL;
import static dev.cemap.emulator.Ce.PAGE_READWRITE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualFreeTest {
    private static final int PHYS = PAGE_READWRITE | PAGE_PHYSICAL | PAGE_NOCACHE;

    private static Reservation mapped(AddressSpace s, long size) {
        Reservation r = s.virtualAlloc(0, size, MEM_RESERVE, PAGE_NOACCESS).reservation().orElseThrow();
        assertThat(s.virtualCopy(r.base(), 0x7F000000L >> 8, size, PHYS).success()).isTrue();
        return r;
    }

    @Test
    void releaseWithNonZeroSizeFailsAndTheReservationStays() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x2000);
        FreeOutcome o = s.virtualFree(r.base(), 0x2000, MEM_RELEASE);
        assertThat(o.success()).isFalse();
        assertThat(o.failure()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("MEM_RELEASE needs size 0").contains("0x2000").contains("the reservation stays"));
        assertThat(r.isReleased()).isFalse();
        assertThat(s.liveReservations()).containsExactly(r);
        assertThat(s.pageTable().entries()).hasSize(2);
    }

    @Test
    void releaseWithSizeZeroRemovesTheMapping() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x2000);
        assertThat(s.virtualFree(r.base(), 0, MEM_RELEASE)).isEqualTo(new FreeOutcome(true, java.util.Optional.empty()));
        assertThat(r.isReleased()).isTrue();
        assertThat(r.isCommitted(r.base())).isFalse();
        assertThat(s.pageTable().entries()).isEmpty();
        assertThat(s.reservationContaining(r.base())).isEmpty();
        assertThat(s.reservation(r.id())).containsSame(r);
        assertThat(s.reservations()).containsExactly(r);
        assertThat(s.liveReservations()).isEmpty();
    }

    @Test
    void releaseNeedsTheBase() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x2000);
        assertThat(s.virtualFree(r.base() + 0x1000, 0, MEM_RELEASE).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("needs the reservation base 0xD0000000"));
        // the kernel ignores the offset inside the first page
        assertThat(s.virtualFree(r.base() + 0x400, 0, MEM_RELEASE).success()).isTrue();
    }

    @Test
    void doubleReleaseFails() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x1000);
        assertThat(s.virtualFree(r.base(), 0, MEM_RELEASE).success()).isTrue();
        assertThat(s.virtualFree(r.base(), 0, MEM_RELEASE).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("already released"));
        assertThat(s.virtualFree(0x12340000L, 0, MEM_RELEASE).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("not inside a reservation"));
    }

    @Test
    void releasedAddressesAreNotHandedOutAgainWhileThereIsRoom() {
        AddressSpace s = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x1000);
        s.virtualFree(r.base(), 0, MEM_RELEASE);
        Reservation next = s.virtualAlloc(0, 0x1000, MEM_RESERVE, PAGE_NOACCESS).reservation().orElseThrow();
        assertThat(next.base()).isEqualTo(0xD0010000L);
        assertThat(next.id()).isEqualTo(2);
    }

    @Test
    void decommitUnmapsPagesSoTheyCanBeCopiedAgain() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x3000);
        assertThat(s.virtualFree(r.base() + 0x1000, 0x1000, MEM_DECOMMIT).success()).isTrue();
        assertThat(r.isCommitted(r.base() + 0x1000)).isFalse();
        assertThat(r.isCommitted(r.base())).isTrue();
        assertThat(s.pageTable().entry(r.base() + 0x1000)).isEmpty();
        assertThat(s.virtualCopy(r.base() + 0x1000, 0x7E000000L >> 8, 0x1000, PHYS).success()).isTrue();
        assertThat(s.physicalAddressOf(r.base() + 0x1000)).hasValue(0x7E000000L);
    }

    @Test
    void decommitNeedsASizeInsideTheReservation() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x1000);
        assertThat(s.virtualFree(r.base(), 0, MEM_DECOMMIT).success()).isFalse();
        assertThat(s.virtualFree(r.base(), 0x2000, MEM_DECOMMIT).success()).isFalse();
        assertThat(r.isCommitted(r.base())).isTrue();
    }

    @Test
    void freeTypeMustBeReleaseOrDecommitAlone() {
        AddressSpace s = new AddressSpace(CeVersion.CE5, ExecutionMode.KERNEL);
        Reservation r = mapped(s, 0x1000);
        assertThat(s.virtualFree(r.base(), 0, MEM_RELEASE | MEM_DECOMMIT).failure())
                .hasValueSatisfying(why -> assertThat(why).contains("MEM_DECOMMIT | MEM_RELEASE"));
        assertThat(s.virtualFree(r.base(), 0, 0).success()).isFalse();
    }
}
