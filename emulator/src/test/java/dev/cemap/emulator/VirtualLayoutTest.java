package dev.cemap.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VirtualLayoutTest {

    @ParameterizedTest
    @EnumSource(CeVersion.class)
    void regionsCoverFourGigabytesWithoutGaps(CeVersion version) {
        List<LayoutRegion> regions = VirtualLayout.of(version).regions();
        assertThat(regions.get(0).start()).isZero();
        for (int i = 1; i < regions.size(); i++) {
            assertThat(regions.get(i).start()).isEqualTo(regions.get(i - 1).endExclusive());
        }
        assertThat(regions.get(regions.size() - 1).endExclusive()).isEqualTo(0x1_0000_0000L);
    }

    @Test
    void ce5HasThirtyThreeSlotsThenTheSharedArea() {
        VirtualLayout l = VirtualLayout.of(CeVersion.CE5);
        assertThat(l.regions()).filteredOn(r -> r.kind() == AreaKind.PROCESS_SLOT).hasSize(33);
        assertThat(l.regionAt(0x00000000L).name()).isEqualTo("slot 0 (running process)");
        assertThat(l.regionAt(0x01FFFFFFL).name()).isEqualTo("slot 0 (running process)");
        assertThat(l.regionAt(0x02010000L).name()).isEqualTo("slot 1");
        assertThat(l.regionAt(0x40000000L).name()).isEqualTo("slot 32");
        assertThat(l.regionAt(0x41FFFFFFL).kind()).isEqualTo(AreaKind.PROCESS_SLOT);
        assertThat(l.regionAt(0x42000000L).kind()).isEqualTo(AreaKind.SHARED_AREA);
        assertThat(l.regionAt(0x7FFFFFFFL).kind()).isEqualTo(AreaKind.SHARED_AREA);
        assertThat(l.regionAt(0x42000000L).start()).isEqualTo(0x42000000L);
        assertThat(l.regionAt(0x42000000L).endExclusive()).isEqualTo(0x80000000L);
        assertThat(l.regionAt(0x80000000L).kind()).isEqualTo(AreaKind.STATIC_CACHED);
        assertThat(l.regionAt(0x9FFFFFFFL).kind()).isEqualTo(AreaKind.STATIC_CACHED);
        assertThat(l.regionAt(0xA0000000L).kind()).isEqualTo(AreaKind.STATIC_UNCACHED);
        assertThat(l.regionAt(0xBFFFFFFFL).kind()).isEqualTo(AreaKind.STATIC_UNCACHED);
        assertThat(l.regionAt(0xC0000000L).kind()).isEqualTo(AreaKind.KERNEL_OTHER);
        assertThat(l.regionAt(0xFFFFFFFFL).kind()).isEqualTo(AreaKind.KERNEL_OTHER);
    }

    @Test
    void ce6LayoutMatchesTheKernelMap() {
        VirtualLayout l = VirtualLayout.of(CeVersion.CE6);
        assertThat(l.regionAt(0x00010000L).kind()).isEqualTo(AreaKind.USER_SPACE);
        assertThat(l.regionAt(0x40000000L).name()).isEqualTo("user DLLs");
        assertThat(l.regionAt(0x60000000L).name()).isEqualTo("memory-mapped objects");
        assertThat(l.regionAt(0x70000000L).name()).isEqualTo("shared heap");
        assertThat(l.regionAt(0x7FEFFFFFL).name()).isEqualTo("shared heap");
        assertThat(l.regionAt(0x7FF00000L).kind()).isEqualTo(AreaKind.UNMAPPED);
        assertThat(l.regionAt(0x80000000L).kind()).isEqualTo(AreaKind.STATIC_CACHED);
        assertThat(l.regionAt(0xA0000000L).kind()).isEqualTo(AreaKind.STATIC_UNCACHED);
        assertThat(l.regionAt(0xC0000000L).name()).isEqualTo("kernel XIP DLLs");
        assertThat(l.regionAt(0xC8000000L).name()).isEqualTo("object store");
        assertThat(l.regionAt(0xD0000000L).kind()).isEqualTo(AreaKind.KERNEL_VM);
        assertThat(l.regionAt(0xEFFFFFFFL).kind()).isEqualTo(AreaKind.KERNEL_VM);
        assertThat(l.regionAt(0xF0000000L).name()).isEqualTo("CPU-specific");
        assertThat(l.regions()).noneMatch(r -> r.kind() == AreaKind.PROCESS_SLOT || r.kind() == AreaKind.SHARED_AREA);
    }

    @Test
    void ce7UsesTheCe6Map() {
        assertThat(VirtualLayout.of(CeVersion.CE7).regions()).isEqualTo(VirtualLayout.of(CeVersion.CE6).regions());
        assertThat(VirtualLayout.of(CeVersion.CE7).version()).isEqualTo(CeVersion.CE7);
    }

    @ParameterizedTest
    @EnumSource(CeVersion.class)
    void staticKernelWindowIsTheSameEverywhere(CeVersion version) {
        VirtualLayout l = VirtualLayout.of(version);
        assertThat(l.isStaticKernelWindow(0x7FFFFFFFL)).isFalse();
        assertThat(l.isStaticKernelWindow(0x80000000L)).isTrue();
        assertThat(l.isStaticKernelWindow(0xA0000000L)).isTrue();
        assertThat(l.isStaticKernelWindow(0xBFFFFFFFL)).isTrue();
        assertThat(l.isStaticKernelWindow(0xC0000000L)).isFalse();
    }

    @Test
    void valuesOutsideThirtyTwoBitsAreUnmapped() {
        VirtualLayout l = VirtualLayout.of(CeVersion.CE5);
        assertThat(l.regionAt(0x1_0000_0000L).kind()).isEqualTo(AreaKind.UNMAPPED);
        assertThat(l.regionAt(-1L).kind()).isEqualTo(AreaKind.UNMAPPED);
    }
}
