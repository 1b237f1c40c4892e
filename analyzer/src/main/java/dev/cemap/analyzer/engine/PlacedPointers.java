package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;

/**
 * Comparisons of pointers into regions the emulator placed: {@code p >= g_pWindow && p < g_pWindow
 * + SIZE} is decided by where the reservations are, as on the device, so that a BSP's unmap
 * that skips its permanent window is followed down the right branch.
 */
final class PlacedPointers {

    private PlacedPointers() {
    }

    /** The comparison's truth, when both sides are addresses the path knows and one is a region pointer. */
    static Optional<Value> compare(PathState state, int operator, Value left, Value right) {
        if (!isRelational(operator) || !(isRegion(left) || isRegion(right))) {
            return Optional.empty();
        }
        OptionalLong a = address(state, left);
        OptionalLong b = address(state, right);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        int order = Long.compareUnsigned(a.getAsLong(), b.getAsLong());
        boolean truth = switch (operator) {
            case IASTBinaryExpression.op_lessThan -> order < 0;
            case IASTBinaryExpression.op_lessEqual -> order <= 0;
            case IASTBinaryExpression.op_greaterThan -> order > 0;
            case IASTBinaryExpression.op_greaterEqual -> order >= 0;
            case IASTBinaryExpression.op_equals -> order == 0;
            default -> order != 0;
        };
        return Optional.of(Value.of(truth ? 1 : 0));
    }

    private static boolean isRelational(int operator) {
        return operator == IASTBinaryExpression.op_lessThan || operator == IASTBinaryExpression.op_lessEqual
                || operator == IASTBinaryExpression.op_greaterThan || operator == IASTBinaryExpression.op_greaterEqual
                || operator == IASTBinaryExpression.op_equals || operator == IASTBinaryExpression.op_notequals;
    }

    private static boolean isRegion(Value value) {
        return value.pointee().orElse(null) instanceof Pointee.Region;
    }

    /** A region pointer's emulated address; a plain known number as it is (NULL is not compared here). */
    private static OptionalLong address(PathState state, Value value) {
        if (value.pointee().orElse(null) instanceof Pointee.Region region) {
            if (region.offset().isEmpty()) {
                return OptionalLong.empty();
            }
            return state.emulation().reservationOf(region.regionId())
                    .filter(reservation -> !reservation.isReleased())
                    .map(reservation -> OptionalLong.of(reservation.base() + region.offset().getAsLong()))
                    .orElse(OptionalLong.empty());
        }
        if (value.isKnown() && value.pointee().isEmpty() && value.longValue() != 0) {
            return value.number();
        }
        return OptionalLong.empty();
    }
}
