package dev.cemap.emulator;

import static dev.cemap.emulator.Ce.MEM_RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressSpaceCopyTest {

    @Test
    void forkedSpacesAreIndependent() {
        AddressSpace a = new AddressSpace(CeVersion.CE6, ExecutionMode.KERNEL);
        MapOutcome m = a.mapIoSpace(0x7F005000L, 0x1000, false);
        AddressSpace b = a.copy();

        assertThat(b.virtualFree(m.address(), 0, MEM_RELEASE).success()).isTrue();
        assertThat(b.liveReservations()).isEmpty();
        assertThat(b.pageTable().entries()).isEmpty();

        assertThat(a.liveReservations()).hasSize(1);
        assertThat(a.pageTable().entries()).hasSize(1);
        assertThat(m.reservation().orElseThrow().isReleased()).isFalse();

        MapOutcome next = b.mapIoSpace(0x7F006000L, 0x1000, false);
        assertThat(next.reservation().orElseThrow().id()).isEqualTo(2);
        assertThat(b.version()).isEqualTo(CeVersion.CE6);
        assertThat(b.mode()).isEqualTo(ExecutionMode.KERNEL);
        assertThat(b.layout()).isSameAs(VirtualLayout.of(CeVersion.CE6));
    }
}
