package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.ExpressionEvaluator;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Symbol;
import dev.cemap.analyzer.eval.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * What a branch condition tells a path: which of its pointers are NULL, which calls succeeded,
 * and whether the path can take the branch at all. The condition has been evaluated once; its
 * sub-expressions' values are read from that evaluation, never re-evaluated.
 */
final class Conditions {

    private final Map<IASTExpression, Value> values;

    Conditions(Map<IASTExpression, Value> values) {
        this.values = values;
    }

    /** The paths, forked from {@code state}, on which {@code condition} has the given truth. */
    List<ReplayState> assume(IASTExpression condition, boolean truth, ReplayState state) {
        IASTExpression e = strip(condition);
        if (e instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_not) {
            return assume(unary.getOperand(), !truth, state);
        }
        if (e instanceof IASTBinaryExpression binary) {
            int op = binary.getOperator();
            if (op == IASTBinaryExpression.op_logicalAnd || op == IASTBinaryExpression.op_logicalOr) {
                return logical(binary, op == IASTBinaryExpression.op_logicalAnd, truth, state);
            }
            if (op == IASTBinaryExpression.op_equals || op == IASTBinaryExpression.op_notequals) {
                Value left = valueOf(binary.getOperand1());
                Value right = valueOf(binary.getOperand2());
                boolean equals = (op == IASTBinaryExpression.op_equals) == truth;
                if (isZero(right)) {
                    return truthOf(left, !equals, state);
                }
                if (isZero(left)) {
                    return truthOf(right, !equals, state);
                }
            }
            if (op == IASTBinaryExpression.op_assign) {
                return truthOf(valueOf(binary), truth, state);
            }
        }
        return truthOf(valueOf(e), truth, state);
    }

    /** {@code a && b} true: both; false: a false, or a true and b false (two kinds of path). */
    private List<ReplayState> logical(IASTBinaryExpression binary, boolean and, boolean truth, ReplayState state) {
        if (and == truth) {
            List<ReplayState> result = new ArrayList<>();
            for (ReplayState afterLeft : assume(binary.getOperand1(), truth, state)) {
                result.addAll(assume(binary.getOperand2(), truth, afterLeft));
            }
            return result;
        }
        List<ReplayState> result = new ArrayList<>(assume(binary.getOperand1(), truth, state));
        // The right side only ran when the left did not decide; its calls were evaluated on
        // every path, which over-approximates but never loses a path.
        for (ReplayState afterLeft : assume(binary.getOperand1(), !truth, state)) {
            result.addAll(assume(binary.getOperand2(), truth, afterLeft));
        }
        return result;
    }

    /** A value used as a truth value: a known number, a symbol, a pointer against NULL. */
    private static List<ReplayState> truthOf(Value value, boolean truth, ReplayState state) {
        if (value.isKnown() && value.pointee().isEmpty()) {
            return (value.longValue() != 0) == truth ? List.of(state.fork()) : List.of();
        }
        Optional<Symbol> symbol = value.symbol();
        if (symbol.isEmpty() && value.pointee().orElse(null) instanceof Pointee.Region region) {
            symbol = Optional.of(Symbol.notNull(region.regionId()));
        }
        if (symbol.isEmpty()) {
            return List.of(state.fork());
        }
        boolean holds = truth != symbol.get().negated();
        int id = symbol.get().id();
        if (symbol.get().kind() == Symbol.Kind.CALL_SUCCEEDED) {
            ReplayState path = state.fork();
            path.learnOutcome(id, holds);
            return List.of(path);
        }
        if (!state.canBeNull(id, !holds)) {
            return List.of();
        }
        ReplayState path = state.fork();
        path.learnNull(id, !holds);
        return List.of(path);
    }

    private Value valueOf(IASTExpression expression) {
        IASTExpression e = expression;
        while (true) {
            Value recorded = values.get(e);
            if (recorded != null) {
                return recorded;
            }
            IASTExpression inner = unwrap(e);
            if (inner == e) {
                return Value.unknown();
            }
            e = inner;
        }
    }

    private static boolean isZero(Value value) {
        return value.isKnown() && value.longValue() == 0 && value.pointee().isEmpty();
    }

    private static IASTExpression strip(IASTExpression expression) {
        IASTExpression current = expression;
        while (true) {
            IASTExpression inner = unwrap(current);
            if (inner == current) {
                return current;
            }
            current = inner;
        }
    }

    /** Parentheses and casts do not change what a condition says about NULL or success. */
    private static IASTExpression unwrap(IASTExpression expression) {
        IASTExpression stripped = ExpressionEvaluator.stripParentheses(expression);
        if (stripped instanceof IASTCastExpression cast) {
            return cast.getOperand();
        }
        return stripped;
    }
}
