package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTCaseStatement;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTDefaultStatement;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;

/**
 * A switch on a value the path knows runs exactly the case it selects (as in the
 * {@code switch (0) default:} that {@code __leave} needs); on an unknown value each case label
 * starts a path from the entry, falling through continues the one before, and without a
 * {@code default} one path skips the switch.
 */
final class Switches {

    private final StatementWalker walker;
    private final ExpressionEngine engine;

    Switches(StatementWalker walker, ExpressionEngine engine) {
        this.walker = walker;
        this.engine = engine;
    }

    Flow switchStatement(IASTSwitchStatement switchStatement, Flow flow) {
        IASTStatement body = switchStatement.getBody();
        IASTStatement[] statements = body instanceof IASTCompoundStatement compound ? compound.getStatements()
                : new IASTStatement[] {body};
        Flow inner = flow.inner(List.of());
        List<PathState> leaving = new ArrayList<>();
        for (PathState state : flow.live()) {
            for (Evaluated entry : engine.evaluate(state, switchStatement.getControllerExpression())) {
                Value controller = entry.value();
                inner = controller.isKnown() && controller.pointee().isEmpty()
                        ? knownSwitch(controller.longValue(), statements, entry.state(), inner)
                        : unknownSwitch(statements, entry.state(), inner);
                leaving.addAll(inner.live());
                inner = inner.withLive(List.of());
            }
        }
        leaving.addAll(inner.breaks());
        return flow.after(inner, Outcomes.boundedPaths(leaving));
    }

    private Flow knownSwitch(long controller, IASTStatement[] statements, PathState entry, Flow inner) {
        int start = -1;
        for (int i = 0; i < statements.length && start < 0; i++) {
            if (statements[i] instanceof IASTCaseStatement label) {
                Value value = engine.peek(entry, label.getExpression());
                if (value.isKnown() && value.longValue() == controller) {
                    start = i;
                }
            }
        }
        for (int i = 0; i < statements.length && start < 0; i++) {
            if (statements[i] instanceof IASTDefaultStatement) {
                start = i;
            }
        }
        Flow current = inner.withLive(List.of(entry));
        if (start < 0) {
            return current;
        }
        for (int i = start; i < statements.length; i++) {
            if (!isLabel(statements[i])) {
                current = walker.walk(statements[i], current);
            }
        }
        return current;
    }

    private Flow unknownSwitch(IASTStatement[] statements, PathState entry, Flow inner) {
        Flow current = inner.withLive(List.of());
        boolean hasDefault = false;
        for (IASTStatement statement : statements) {
            if (isLabel(statement)) {
                hasDefault |= statement instanceof IASTDefaultStatement;
                List<PathState> live = new ArrayList<>(current.live());
                live.add(entry.fork());
                current = current.withLive(Outcomes.boundedPaths(live));
                continue;
            }
            current = walker.walk(statement, current);
        }
        if (!hasDefault) {
            List<PathState> live = new ArrayList<>(current.live());
            live.add(entry.fork());
            current = current.withLive(live);
        }
        return current;
    }

    private static boolean isLabel(IASTStatement statement) {
        return statement instanceof IASTCaseStatement || statement instanceof IASTDefaultStatement;
    }
}
