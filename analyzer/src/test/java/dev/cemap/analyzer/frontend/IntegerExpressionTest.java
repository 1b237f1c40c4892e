package dev.cemap.analyzer.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IntegerExpressionTest {

    /** BSP_A = 2 is known; everything else is unknown. */
    private static final IntegerExpression.Names NAMES = new IntegerExpression.Names() {
        private final Map<String, Long> known = Map.of("BSP_A", 2L);

        @Override
        public OptionalLong value(String name) {
            return known.containsKey(name) ? OptionalLong.of(known.get(name)) : OptionalLong.empty();
        }

        @Override
        public Optional<Boolean> isDefined(String name) {
            return known.containsKey(name) ? Optional.of(true) : Optional.empty();
        }
    };

    @Test
    void literalsWithSuffixesAndBases() {
        assertThat(IntegerExpression.evaluate("0x400")).hasValue(0x400);
        assertThat(IntegerExpression.evaluate("0x00000400UL")).hasValue(0x400);
        assertThat(IntegerExpression.evaluate("1024u")).hasValue(1024);
        assertThat(IntegerExpression.evaluate("0x1i64")).hasValue(1);
        assertThat(IntegerExpression.evaluate("010")).hasValue(8);
        assertThat(IntegerExpression.evaluate("0")).hasValue(0);
    }

    @Test
    void castsAndParenthesesAreTransparent() {
        assertThat(IntegerExpression.evaluate("((DWORD)0x200L)")).hasValue(0x200);
        assertThat(IntegerExpression.evaluate("(unsigned long)(0x7E00F000 >> 8)")).hasValue(0x7E00F0);
    }

    @Test
    void operatorsFollowCPrecedence() {
        assertThat(IntegerExpression.evaluate("0x04 | 0x200 | 0x400")).hasValue(0x604);
        assertThat(IntegerExpression.evaluate("1 + 2 * 3 << 1")).hasValue(14);
        assertThat(IntegerExpression.evaluate("~0 & 0xFF")).hasValue(0xFF);
        assertThat(IntegerExpression.evaluate("32 * 1024 * 1024")).hasValue(0x2000000);
        assertThat(IntegerExpression.evaluate("3 > 2 ? 10 : 20")).hasValue(10);
    }

    @Test
    void namesAndDefined() {
        assertThat(IntegerExpression.evaluate("BSP_A > 1", NAMES)).hasValue(1);
        assertThat(IntegerExpression.evaluate("defined(BSP_A) && BSP_A == 2", NAMES)).hasValue(1);
        assertThat(IntegerExpression.evaluate("defined BSP_B", NAMES)).isEmpty();
        assertThat(IntegerExpression.evaluate("$(BSP_A) + 1", NAMES)).hasValue(3);
    }

    @Test
    void unknownIsDecidedOnlyWhereCWouldShortCircuit() {
        assertThat(IntegerExpression.evaluate("0 && UNKNOWN", NAMES)).hasValue(0);
        assertThat(IntegerExpression.evaluate("BSP_A || UNKNOWN", NAMES)).hasValue(1);
        assertThat(IntegerExpression.evaluate("1 && UNKNOWN", NAMES)).isEmpty();
        assertThat(IntegerExpression.evaluate("UNKNOWN + 1", NAMES)).isEmpty();
    }

    @Test
    void malformedTextIsUnknownNotAnError() {
        assertThat(IntegerExpression.evaluate("")).isEmpty();
        assertThat(IntegerExpression.evaluate("0x")).isEmpty();
        assertThat(IntegerExpression.evaluate("(1 + ")).isEmpty();
        assertThat(IntegerExpression.evaluate("1 2")).isEmpty();
        assertThat(IntegerExpression.evaluate("\"text\"")).isEmpty();
        assertThat(IntegerExpression.evaluate("1 / 0")).isEmpty();
        assertThat(IntegerExpression.evaluate("0x123456789ABCDEF0123")).isEmpty();
    }
}
