package dev.cemap.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cemap.analyzer.eval.Shape;
import dev.cemap.analyzer.eval.Value;
import org.junit.jupiter.api.Test;

class PhysicalSourceTest {

    @Test
    void shiftedByEightOrDividedBy256IsPlausible() {
        Value physical = Value.of(0x7F005400L);
        assertThat(PhysicalSource.classify(Value.of(0x7F0054L).withShape(Shape.shiftRight(8, physical))))
                .isEqualTo(PhysicalSource.PLAUSIBLE);
        assertThat(PhysicalSource.classify(Value.of(0x7F0054L).withShape(Shape.divide(256, physical))))
                .isEqualTo(PhysicalSource.PLAUSIBLE);
    }

    @Test
    void otherScalingIsMisScaled() {
        Value physical = Value.of(0x7F005400L);
        assertThat(PhysicalSource.classify(Value.of(0x7F005L).withShape(Shape.shiftRight(12, physical))))
                .isEqualTo(PhysicalSource.MIS_SCALED);
        assertThat(PhysicalSource.classify(Value.of(0x7F005L).withShape(Shape.divide(4096, physical))))
                .isEqualTo(PhysicalSource.MIS_SCALED);
    }

    @Test
    void largeUnshiftedConstantIsUnshifted() {
        assertThat(PhysicalSource.classify(Value.of(0x7F005400L))).isEqualTo(PhysicalSource.UNSHIFTED);
        assertThat(PhysicalSource.classify(Value.of(0x01000000L))).isEqualTo(PhysicalSource.UNSHIFTED);
    }

    @Test
    void smallConstantMayAlreadyBeAPageFrameValue() {
        assertThat(PhysicalSource.classify(Value.of(0x00640000L))).isEqualTo(PhysicalSource.PLAUSIBLE);
        assertThat(PhysicalSource.classify(Value.unknown())).isEqualTo(PhysicalSource.PLAUSIBLE);
    }

    @Test
    void physicalAddressFieldPassedAsIsIsUnshifted() {
        assertThat(PhysicalSource.classify(Value.unknown().asPhysicalAddressField()))
                .isEqualTo(PhysicalSource.UNSHIFTED);
    }
}
