package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Shape;
import dev.cemap.analyzer.eval.TypeSizes;
import dev.cemap.analyzer.eval.Value;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IType;

/**
 * C arithmetic on abstract values, in CE's 32-bit types: pointer arithmetic that keeps what a
 * pointer points into, shifts and divisions that remember how they were written (a PAGE_PHYSICAL
 * source must be {@code >> 8}), comparisons with NULL that become symbols a branch can learn from.
 *
 * <p>Types are passed as suppliers: CDT computes an expression's type from its whole subtree
 * without caching, so asking at every level of a deeply nested expression is quadratic. They are
 * only needed for pointer arithmetic and for truncating known results.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static Value binary(int operator, Value left, Value right, Supplier<IType> leftType, Supplier<IType> resultType) {
        switch (operator) {
            case IASTBinaryExpression.op_plus:
                return add(left, right, leftType, resultType);
            case IASTBinaryExpression.op_minus:
                if (left.pointee().isPresent() && right.isKnown()) {
                    return add(left, Value.of(-right.longValue()), leftType, resultType);
                }
                if (left.pointee().orElse(null) instanceof Pointee.Region && right.pointee().isEmpty()) {
                    return add(left, Value.unknown(), leftType, resultType); // still the region, offset unknown
                }
                return numeric(left, right, resultType, (a, b) -> a - b);
            case IASTBinaryExpression.op_shiftRight:
                return keepsMemory(left, shaped(numeric(left, right, resultType,
                        (a, b) -> b >= 0 && b < 64 ? a >>> b : 0), right, Shape.Kind.SHIFT_RIGHT, left));
            case IASTBinaryExpression.op_divide:
                return keepsMemory(left, shaped(right.isKnown() && right.longValue() == 0 ? Value.unknown()
                        : numeric(left, right, resultType, Long::divideUnsigned), right, Shape.Kind.DIVIDE, left));
            case IASTBinaryExpression.op_modulo:
                return right.isKnown() && right.longValue() == 0 ? Value.unknown()
                        : numeric(left, right, resultType, Long::remainderUnsigned);
            case IASTBinaryExpression.op_multiply:
                return numeric(left, right, resultType, (a, b) -> a * b);
            case IASTBinaryExpression.op_shiftLeft:
                return numeric(left, right, resultType, (a, b) -> b >= 0 && b < 64 ? a << b : 0);
            case IASTBinaryExpression.op_binaryAnd:
                if (left.pointee().orElse(null) instanceof Pointee.Region region && right.isKnown()) {
                    // p & ~(PAGE_SIZE - 1): reservations start 64 KB aligned, so only the offset is masked.
                    return Value.pointingTo(region.withOffset(region.offset().isPresent()
                            ? OptionalLong.of(region.offset().getAsLong() & right.longValue()) : OptionalLong.empty()));
                }
                return numeric(left, right, resultType, (a, b) -> a & b);
            case IASTBinaryExpression.op_binaryOr:
                return numeric(left, right, resultType, (a, b) -> a | b);
            case IASTBinaryExpression.op_binaryXor:
                return numeric(left, right, resultType, (a, b) -> a ^ b);
            case IASTBinaryExpression.op_equals:
                return nullTest(left, right, true).orElseGet(() -> compare(left, right, (a, b) -> a == b ? 1 : 0));
            case IASTBinaryExpression.op_notequals:
                return nullTest(left, right, false).orElseGet(() -> compare(left, right, (a, b) -> a != b ? 1 : 0));
            case IASTBinaryExpression.op_lessThan:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) < 0 ? 1 : 0);
            case IASTBinaryExpression.op_greaterThan:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) > 0 ? 1 : 0);
            case IASTBinaryExpression.op_lessEqual:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0);
            case IASTBinaryExpression.op_greaterEqual:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0);
            default:
                return Value.unknown();
        }
    }

    /** The plain operator of a compound assignment ({@code +=} gives {@code +}), or -1. */
    static int plainOperatorOf(int operator) {
        return switch (operator) {
            case IASTBinaryExpression.op_plusAssign -> IASTBinaryExpression.op_plus;
            case IASTBinaryExpression.op_minusAssign -> IASTBinaryExpression.op_minus;
            case IASTBinaryExpression.op_multiplyAssign -> IASTBinaryExpression.op_multiply;
            case IASTBinaryExpression.op_divideAssign -> IASTBinaryExpression.op_divide;
            case IASTBinaryExpression.op_moduloAssign -> IASTBinaryExpression.op_modulo;
            case IASTBinaryExpression.op_shiftLeftAssign -> IASTBinaryExpression.op_shiftLeft;
            case IASTBinaryExpression.op_shiftRightAssign -> IASTBinaryExpression.op_shiftRight;
            case IASTBinaryExpression.op_binaryAndAssign -> IASTBinaryExpression.op_binaryAnd;
            case IASTBinaryExpression.op_binaryOrAssign -> IASTBinaryExpression.op_binaryOr;
            case IASTBinaryExpression.op_binaryXorAssign -> IASTBinaryExpression.op_binaryXor;
            default -> -1;
        };
    }

    /** {@code p == NULL} / {@code p != NULL} on a region pointer, or on a symbol compared with 0. */
    private static Optional<Value> nullTest(Value left, Value right, boolean equals) {
        Value other = isPlainZero(right) ? left : isPlainZero(left) ? right : null;
        if (other == null || other.isKnown()) {
            return Optional.empty();
        }
        return Assumptions.symbolOf(other).map(symbol -> Value.of(equals ? symbol.negate() : symbol));
    }

    static boolean isPlainZero(Value value) {
        return value.isKnown() && value.longValue() == 0 && value.pointee().isEmpty();
    }

    /** Pointer arithmetic keeps the pointee and scales by the element size, as C does. */
    static Value add(Value left, Value right, Supplier<IType> leftTypeSupplier, Supplier<IType> resultType) {
        Optional<Pointee> pointee = left.pointee();
        if (pointee.isPresent() && pointee.get() instanceof Pointee.Region region) {
            IType leftType = leftTypeSupplier.get();
            OptionalLong scale = TypeSizes.isPointer(leftType) ? TypeSizes.pointeeSize(leftType) : OptionalLong.of(1);
            OptionalLong offset = region.offset().isPresent() && right.isKnown() && scale.isPresent()
                    ? OptionalLong.of(region.offset().getAsLong() + right.longValue() * scale.getAsLong())
                    : OptionalLong.empty();
            return Value.pointingTo(region.withOffset(offset));
        }
        if (pointee.isPresent() && pointee.get() instanceof Pointee.Storage storage
                && storage.key() instanceof StorageKey.Element element && right.isKnown()
                && element.index() != StorageKey.Element.SOME && stepsByElement(leftTypeSupplier.get())) {
            // ++pEntry over a table: the next element, not the same one again.
            return Value.pointingTo(new Pointee.Storage(
                    new StorageKey.Element(element.owner(), element.index() + right.longValue())));
        }
        if (pointee.isPresent()) {
            return Value.pointingTo(pointee.get()); // still the same block of heap or stack
        }
        return numeric(left, right, resultType, (a, b) -> a + b);
    }

    /** True for a pointer to a structure or a word: adding n moves by n elements of a table. */
    private static boolean stepsByElement(IType leftType) {
        if (!TypeSizes.isPointer(leftType)) {
            return false;
        }
        OptionalLong size = TypeSizes.pointeeSize(leftType);
        return size.isPresent() && size.getAsLong() > 1;
    }

    /**
     * A physical address of kernel memory (AllocPhysMem's out-parameter) stays that memory when
     * shifted or divided for PAGE_PHYSICAL: rules must still know where it came from.
     */
    private static Value keepsMemory(Value operand, Value result) {
        return operand.pointee().orElse(null) instanceof Pointee.Heap heap ? result.withPointee(heap) : result;
    }

    private static Value shaped(Value result, Value amount, Shape.Kind kind, Value operand) {
        if (!amount.isKnown()) {
            return result;
        }
        Shape shape = kind == Shape.Kind.SHIFT_RIGHT ? Shape.shiftRight(amount.longValue(), operand)
                : Shape.divide(amount.longValue(), operand);
        return result.withShape(shape);
    }

    private static Value numeric(Value left, Value right, Supplier<IType> resultType, LongBinaryOperator operation) {
        if (!left.isKnown() || !right.isKnown()) {
            return Value.unknown();
        }
        return Value.of(truncate(OptionalLong.of(operation.applyAsLong(left.longValue(), right.longValue())),
                resultType.get()));
    }

    private static Value compare(Value left, Value right, LongBinaryOperator comparison) {
        // A tracked pointer has no number: compared with NULL the answer stays unknown, so
        // both branches of "if (pv == NULL)" are replayed.
        if (left.isKnown() && right.isKnown()) {
            return Value.of(comparison.applyAsLong(left.longValue(), right.longValue()));
        }
        return Value.unknown();
    }

    /** Keeps the bits a value of {@code type} holds. */
    static OptionalLong truncate(OptionalLong number, IType type) {
        if (number.isEmpty() || type == null) {
            return number;
        }
        int bits;
        try {
            bits = TypeSizes.integerBits(type);
        } catch (RuntimeException e) {
            bits = 0;
        }
        if (bits <= 0 || bits >= 64) {
            return number;
        }
        return OptionalLong.of(number.getAsLong() & ((1L << bits) - 1));
    }
}
