package dev.cemap.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionsTest {

    @Test
    void sectionBaseRoundsDownTo32Megabytes() {
        assertThat(Sections.sectionBase(0x43FF0000L)).isEqualTo(0x42000000L);
        assertThat(Sections.sectionBase(0x44000000L)).isEqualTo(0x44000000L);
        assertThat(Sections.sectionBase(0x01FFFFFFL)).isZero();
    }

    @Test
    void boundaryInsideFindsACrossedBoundary() {
        assertThat(Sections.boundaryInside(0x01FFF000L, 0x2000)).hasValue(0x02000000L);
        assertThat(Sections.boundaryInside(0x43FF0000L, 0x20000)).hasValue(0x44000000L);
        assertThat(Sections.boundaryInside(0x02000000L, 0x2000001)).hasValue(0x04000000L);
    }

    @Test
    void boundaryAtEitherEndIsNotInside() {
        // ends exactly on the boundary
        assertThat(Sections.boundaryInside(0x01FFF000L, 0x1000)).isEmpty();
        // starts exactly on the boundary and fills one section
        assertThat(Sections.boundaryInside(0x02000000L, 0x2000000)).isEmpty();
        assertThat(Sections.boundaryInside(0x02000000L, 0)).isEmpty();
    }

    @Test
    void mayCrossAtAlignedOffsetNeedsMoreThan64K() {
        assertThat(Sections.mayCross(0, 0x10000)).isFalse();
        assertThat(Sections.mayCross(0, 0x10001)).isTrue();
        assertThat(Sections.mayCross(0x10000, 0x10000)).isFalse();
        assertThat(Sections.mayCross(0x30000, 0x10001)).isTrue();
    }

    @Test
    void mayCrossAtUnalignedOffsetNeedsMoreThanTheRestOfTheBlock() {
        assertThat(Sections.mayCross(0x1000, 0xF000)).isFalse();
        assertThat(Sections.mayCross(0x1000, 0xF001)).isTrue();
        assertThat(Sections.mayCross(0x1FFFF, 1)).isFalse();
        assertThat(Sections.mayCross(0x1FFFF, 2)).isTrue();
        assertThat(Sections.mayCross(0x8000, 0x8000)).isFalse();
        assertThat(Sections.mayCross(0x8000, 0x8001)).isTrue();
    }

    @Test
    void mustCrossOnlyAbove32Megabytes() {
        assertThat(Sections.mustCross(0x2000000)).isFalse();
        assertThat(Sections.mustCross(0x2000001)).isTrue();
        assertThat(Sections.mustCross(0x1000)).isFalse();
    }
}
