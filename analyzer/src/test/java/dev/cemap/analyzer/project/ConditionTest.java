package dev.cemap.analyzer.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final Condition XIP = Condition.set("IMGMULTIXIP");
    private static final Condition BANK1 = Condition.set("BSP_SDRAM_BANK1_ENABLE");
    private static final Condition HOST1 = Condition.set("BSP_OMAP_USB_HOST1");
    private static final Condition HOST2 = Condition.set("BSP_OMAP_USB_HOST2");

    @Test
    void labelsReadAsTheBspWritesThem() {
        assertThat(XIP).hasToString("IMGMULTIXIP");
        assertThat(XIP.not()).hasToString("!IMGMULTIXIP");
        assertThat(XIP.and(BANK1.not())).hasToString("!BSP_SDRAM_BANK1_ENABLE && IMGMULTIXIP");
        assertThat(Condition.equalTo("LOCALE", "0411")).hasToString("LOCALE=0411");
        assertThat(Condition.equalTo("LOCALE", "0411").not()).hasToString("LOCALE!=0411");
        assertThat(Condition.expression("BSP_REV  >  2")).hasToString("(BSP_REV > 2)");
        assertThat(Condition.ALWAYS).hasToString("always");
        assertThat(Condition.NEVER).hasToString("never");
    }

    @Test
    void contradictionsCannotHoldAndComplementsCoverEverything() {
        assertThat(XIP.and(XIP.not()).isPossible()).isFalse();
        assertThat(XIP.or(XIP.not()).isAlways()).isTrue();
        assertThat(XIP.and(BANK1).or(XIP.and(BANK1.not()))).isEqualTo(XIP);
        // One variable has one value, and a value means it is set.
        assertThat(Condition.equalTo("LOCALE", "0411").and(Condition.equalTo("LOCALE", "0412")).isPossible()).isFalse();
        assertThat(Condition.equalTo("LOCALE", "0411").and(Condition.set("LOCALE").not()).isPossible()).isFalse();
        assertThat(Condition.equalTo("LOCALE", "").equals(Condition.set("LOCALE").not())).isTrue();
    }

    @Test
    void elseBranchesOfOrsSimplify() {
        // #if HOST1 … #elif HOST2: the second branch is !HOST1 && HOST2; together they are HOST1 || HOST2.
        Condition second = HOST1.not().and(HOST2);
        assertThat(HOST1.or(second)).hasToString("BSP_OMAP_USB_HOST1 || BSP_OMAP_USB_HOST2");
        assertThat(HOST1.or(HOST2).not()).hasToString("!BSP_OMAP_USB_HOST1 && !BSP_OMAP_USB_HOST2");
        assertThat(HOST1.or(HOST1.and(HOST2))).isEqualTo(HOST1);
        assertThat(HOST1.or(HOST2).not().not()).isEqualTo(HOST1.or(HOST2));
    }

    @Test
    void alwaysAndNeverAreNeutral() {
        assertThat(Condition.ALWAYS.and(XIP)).isEqualTo(XIP);
        assertThat(Condition.NEVER.or(XIP)).isEqualTo(XIP);
        assertThat(Condition.NEVER.and(XIP).isPossible()).isFalse();
        assertThat(Condition.ALWAYS.or(XIP).isAlways()).isTrue();
        assertThat(Condition.ALWAYS.not()).isEqualTo(Condition.NEVER);
        assertThat(XIP.atoms()).extracting(Condition.Atom::name).containsExactly("IMGMULTIXIP");
    }

    @Test
    void aFormulaTooLargeToReadBecomesOneUnknown() {
        Condition many = Condition.NEVER;
        for (int i = 0; i < 7; i++) {
            many = many.or(Condition.set("A" + i).and(Condition.set("B" + i)));
        }
        // Its negation has 2^7 terms: the part beyond what a label can hold becomes one opaque unknown,
        // still consistent with itself.
        Condition negated = many.not();
        assertThat(negated.atoms().size()).isLessThan(many.atoms().size());
        assertThat(negated.atoms()).anyMatch(atom -> atom.kind() == Condition.Atom.Kind.EXPRESSION);
        assertThat(negated.and(negated.not()).isPossible()).isFalse();
    }
}
