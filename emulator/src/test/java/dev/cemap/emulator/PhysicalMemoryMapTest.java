package dev.cemap.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhysicalMemoryMapTest {

    private static final PhysicalMemoryMap SMDK = PhysicalMemoryMap.empty()
            .withKernelRam(0x30100000L, 0x03F00000L, "config.bib:12 RAM")
            .withKernelRam(0x30000000L, 0x00100000L, "config.bib:11 RAMIMAGE");

    @Test
    void emptyMapOverlapsNothing() {
        assertThat(PhysicalMemoryMap.empty().isEmpty()).isTrue();
        assertThat(PhysicalMemoryMap.empty().kernelRamOverlapping(0x30000000L, 0x1000)).isEmpty();
    }

    @Test
    void rangesAreKeptInAddressOrder() {
        assertThat(SMDK.kernelRam()).extracting(PhysicalMemoryMap.Range::base)
                .containsExactly(0x30000000L, 0x30100000L);
    }

    @Test
    void overlapAtEitherEndCounts() {
        assertThat(SMDK.kernelRamOverlapping(0x2FFFF000L, 0x1001)).get()
                .extracting(PhysicalMemoryMap.Range::origin).isEqualTo("config.bib:11 RAMIMAGE");
        assertThat(SMDK.kernelRamOverlapping(0x33FFFFFFL, 0x10)).get()
                .extracting(PhysicalMemoryMap.Range::origin).isEqualTo("config.bib:12 RAM");
    }

    @Test
    void adjacentRangesDoNotOverlap() {
        assertThat(SMDK.kernelRamOverlapping(0x2FFFF000L, 0x1000)).isEmpty();
        assertThat(SMDK.kernelRamOverlapping(0x34000000L, 0x1000)).isEmpty();
        assertThat(SMDK.kernelRamOverlapping(0x7F005000L, 0x1000)).isEmpty();
    }

    @Test
    void zeroSizeTouchesNothing() {
        assertThat(SMDK.kernelRamOverlapping(0x30000000L, 0)).isEmpty();
        assertThat(SMDK.withKernelRam(0x50000000L, 0, "nothing")).isSameAs(SMDK);
    }

    @Test
    void rangesAreImmutableValues() {
        PhysicalMemoryMap bigger = SMDK.withKernelRam(0x50000000L, 0x1000, "AllocPhysMem");
        assertThat(SMDK.kernelRam()).hasSize(2);
        assertThat(bigger.kernelRam()).hasSize(3);
        assertThat(bigger.kernelRam().get(2).toString()).isEqualTo("0x50000000–0x50000FFF (AllocPhysMem)");
        assertThatThrownBy(() -> new PhysicalMemoryMap.Range(0, 0, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
