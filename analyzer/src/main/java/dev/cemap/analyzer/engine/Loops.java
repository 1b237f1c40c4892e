package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IVariable;

/**
 * Loops are replayed once: what the loop assigns is forgotten before the condition and after the
 * loop (except where a break leaves it), so no path trusts a value an earlier or later iteration
 * could have changed. A {@code while}/{@code for} may run zero times; {@code while (1)} ends only
 * by break or return.
 */
final class Loops {

    private final StatementWalker walker;
    private final ExpressionEngine engine;
    private final ReplaySession session;

    Loops(StatementWalker walker, ExpressionEngine engine, ReplaySession session) {
        this.walker = walker;
        this.engine = engine;
        this.session = session;
    }

    Flow loop(Flow flow, IASTExpression condition, IASTStatement body, IASTExpression trailingCondition,
            IASTExpression iteration) {
        if (flow.live().isEmpty()) {
            return flow;
        }
        Set<StorageKey> assigned = assignedIn(flow.live().get(0), condition, body, trailingCondition, iteration);
        List<PathState> entry = new ArrayList<>();
        List<PathState> skipped = new ArrayList<>();
        boolean conditionMayFail = false;
        for (PathState state : flow.live()) {
            forget(state, assigned);
            if (condition == null) {
                entry.add(state);
                continue;
            }
            for (Evaluated outcome : engine.evaluate(state, condition)) {
                Branches.Split split = Branches.split(outcome);
                split.holds().ifPresent(entry::add);
                if (split.fails().isPresent()) {
                    conditionMayFail = true;
                    if (trailingCondition == null) {
                        skipped.add(split.fails().get()); // a while/for loop may run zero times
                    }
                }
            }
        }
        Flow body0 = walker.walk(body, flow.inner(Outcomes.boundedPaths(entry)));
        List<PathState> afterBody = new ArrayList<>(body0.live());
        afterBody.addAll(body0.continues());
        List<PathState> exits = new ArrayList<>();
        for (PathState state : walker.evaluate(afterBody, iteration)) {
            if (trailingCondition == null) {
                if (conditionMayFail) {
                    exits.add(state); // while (1) and for (;;) end only through break or return
                }
                continue;
            }
            for (Evaluated outcome : engine.evaluate(state, trailingCondition)) {
                Branches.split(outcome).fails().ifPresent(exits::add);
            }
        }
        exits.addAll(skipped);
        for (PathState state : exits) {
            forget(state, assigned);
        }
        // A break leaves with what its own iteration computed (that iteration started from the
        // forgotten values): the entry found in a table, the mapping stored in it, stay known.
        exits.addAll(body0.breaks());
        return flow.after(body0, Outcomes.boundedPaths(exits));
    }

    private void forget(PathState state, Set<StorageKey> keys) {
        for (StorageKey key : keys) {
            session.bind(state, key, forgotten(state.read(key)), Bind.Kind.FORGOTTEN, "");
        }
    }

    /**
     * What a loop variable is known to be at any iteration: nothing, except that a pointer walking
     * a table ({@code ++pEntry}) still points into that table, at some element. What is stored
     * through it then stays in the table, a holder that outlives the function.
     */
    private static Value forgotten(Value before) {
        if (before != null && before.pointee().orElse(null) instanceof Pointee.Storage storage
                && storage.key() instanceof StorageKey.Element element) {
            return Value.pointingTo(new Pointee.Storage(new StorageKey.Element(element.owner(),
                    StorageKey.Element.SOME)));
        }
        return Value.unknown();
    }

    /** The storage a loop assigns: assignment targets, incremented variables, declared variables. */
    private Set<StorageKey> assignedIn(PathState state, IASTNode... nodes) {
        Set<StorageKey> keys = new LinkedHashSet<>();
        ASTVisitor collector = new ASTVisitor() {
            {
                shouldVisitExpressions = true;
                shouldVisitDeclarators = true;
            }

            @Override
            public int visit(IASTExpression expression) {
                if (expression instanceof IASTBinaryExpression binary
                        && binary.getOperator() >= IASTBinaryExpression.op_assign
                        && binary.getOperator() <= IASTBinaryExpression.op_binaryOrAssign) {
                    engine.storageOf(state, binary.getOperand1()).ifPresent(keys::add);
                } else if (expression instanceof IASTUnaryExpression unary && isIncrement(unary.getOperator())) {
                    engine.storageOf(state, unary.getOperand()).ifPresent(keys::add);
                }
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTDeclarator declarator) {
                IBinding binding = declarator.getName().resolveBinding();
                if (binding instanceof IVariable variable) {
                    keys.add(session.names.keyOf(variable));
                }
                return PROCESS_CONTINUE;
            }
        };
        for (IASTNode node : nodes) {
            if (node != null) {
                node.accept(collector);
            }
        }
        return keys;
    }

    private static boolean isIncrement(int operator) {
        return operator == IASTUnaryExpression.op_prefixIncr || operator == IASTUnaryExpression.op_prefixDecr
                || operator == IASTUnaryExpression.op_postFixIncr || operator == IASTUnaryExpression.op_postFixDecr;
    }
}
