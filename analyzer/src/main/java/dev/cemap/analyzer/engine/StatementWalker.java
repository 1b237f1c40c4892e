package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Branch;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTContinueStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTCatchHandler;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTIfStatement;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTTryBlockStatement;

/**
 * Walks the statements of one body: each statement takes the {@link Flow} before it and gives
 * the flow after it. Every statement is evaluated on every live path; a branch forks each path
 * into those its condition allows, so that an error return sees exactly what its path reserved
 * and released. Loops and switches are in {@link Loops} and {@link Switches}.
 */
final class StatementWalker {

    private final ReplaySession session;
    private final ExpressionEngine engine;
    private final Declarations declarations;
    private final Loops loops;
    private final Switches switches;

    StatementWalker(ReplaySession session, ExpressionEngine engine, Declarations declarations) {
        this.session = session;
        this.engine = engine;
        this.declarations = declarations;
        this.loops = new Loops(this, engine, session);
        this.switches = new Switches(this, engine);
    }

    Flow walk(IASTStatement statement, Flow flow) {
        if (statement == null) {
            return flow;
        }
        if (!session.visit()) {
            return flow.withLive(List.of());
        }
        if (statement instanceof IASTLabelStatement label) {
            Flow joined = flow.arrived(label.getName().toString());
            return walk(label.getNestedStatement(), joined.withLive(Outcomes.boundedPaths(joined.live())));
        }
        if (flow.live().isEmpty()) {
            return flow;
        }
        if (statement instanceof IASTCompoundStatement compound) {
            Flow current = flow;
            for (IASTStatement inner : compound.getStatements()) {
                current = walk(inner, current);
            }
            return current;
        }
        if (statement instanceof IASTExpressionStatement expression) {
            return flow.withLive(evaluate(flow.live(), expression.getExpression()));
        }
        if (statement instanceof IASTDeclarationStatement declaration) {
            return flow.withLive(declarations.declare(flow.live(), declaration.getDeclaration()));
        }
        if (statement instanceof IASTIfStatement ifStatement) {
            return ifStatement(ifStatement, flow);
        }
        if (statement instanceof IASTReturnStatement returnStatement) {
            return flow.returned(returns(flow.live(), returnStatement));
        }
        if (statement instanceof IASTGotoStatement jump) {
            return flow.jumped(jump.getName().toString());
        }
        if (statement instanceof IASTBreakStatement) {
            return flow.broke();
        }
        if (statement instanceof IASTContinueStatement) {
            return flow.continued();
        }
        if (statement instanceof IASTWhileStatement loop) {
            return loops.loop(flow, loop.getCondition(), loop.getBody(), null, null);
        }
        if (statement instanceof IASTDoStatement loop) {
            return loops.loop(flow, null, loop.getBody(), loop.getCondition(), null);
        }
        if (statement instanceof IASTForStatement loop) {
            Flow initialized = walk(loop.getInitializerStatement(), flow);
            return loops.loop(initialized, loop.getConditionExpression(), loop.getBody(), null,
                    loop.getIterationExpression());
        }
        if (statement instanceof IASTSwitchStatement switchStatement) {
            return switches.switchStatement(switchStatement, flow);
        }
        if (statement instanceof ICPPASTTryBlockStatement tryBlock) {
            return tryBlock(tryBlock, flow);
        }
        return flow;
    }

    /** The paths after evaluating an expression on each of them (null: nothing to evaluate). */
    List<PathState> evaluate(List<PathState> paths, IASTExpression expression) {
        if (expression == null) {
            return paths;
        }
        List<PathState> after = new ArrayList<>(paths.size());
        for (PathState state : paths) {
            for (Evaluated outcome : engine.evaluate(state, expression)) {
                after.add(outcome.state());
            }
        }
        return Outcomes.boundedPaths(after);
    }

    private Flow ifStatement(IASTIfStatement ifStatement, Flow flow) {
        List<PathState> thenPaths = new ArrayList<>();
        List<PathState> elsePaths = new ArrayList<>();
        IASTExpression condition = ifStatement.getConditionExpression();
        if (condition == null) {
            return ifWithoutConditionExpression(ifStatement, flow);
        }
        for (PathState state : flow.live()) {
            for (Evaluated outcome : engine.evaluate(state, condition)) {
                Branches.split(outcome, branchOf(ifStatement, true), branchOf(ifStatement, false), session)
                        .into(thenPaths, elsePaths);
            }
        }
        Flow afterThen = walk(ifStatement.getThenClause(), flow.withLive(Outcomes.boundedPaths(thenPaths)));
        Flow afterElse = walk(ifStatement.getElseClause(), afterThen.withLive(Outcomes.boundedPaths(elsePaths)));
        List<PathState> joined = new ArrayList<>(afterThen.live());
        joined.addAll(afterElse.live());
        return afterElse.withLive(Outcomes.boundedPaths(joined));
    }

    /**
     * {@code if (T x = f())} in C++ (or a condition the parser could not read): the declaration
     * is replayed, then both branches are open, since the replay has no expression to split on.
     */
    private Flow ifWithoutConditionExpression(IASTIfStatement ifStatement, Flow flow) {
        List<PathState> live = flow.live();
        if (ifStatement instanceof ICPPASTIfStatement cppIf && cppIf.getConditionDeclaration() != null) {
            live = declarations.declare(live, cppIf.getConditionDeclaration());
        }
        List<PathState> elsePaths = new ArrayList<>(live.size());
        for (PathState state : live) {
            elsePaths.add(state.fork());
        }
        Flow afterThen = walk(ifStatement.getThenClause(), flow.withLive(Outcomes.boundedPaths(live)));
        Flow afterElse = walk(ifStatement.getElseClause(), afterThen.withLive(Outcomes.boundedPaths(elsePaths)));
        List<PathState> joined = new ArrayList<>(afterThen.live());
        joined.addAll(afterElse.live());
        return afterElse.withLive(Outcomes.boundedPaths(joined));
    }

    private Branch branchOf(IASTIfStatement ifStatement, boolean taken) {
        IASTExpression condition = ifStatement.getConditionExpression();
        return new Branch(session.locator.apply(condition), condition.getRawSignature(), taken);
    }

    private List<Exit> returns(List<PathState> paths, IASTReturnStatement statement) {
        List<Exit> exits = new ArrayList<>();
        IASTExpression value = statement.getReturnValue();
        String text = "returns " + (value == null ? "" : value.getRawSignature());
        for (PathState state : paths) {
            List<Evaluated> outcomes = value == null ? List.of(new Evaluated(state,
                    dev.cemap.analyzer.eval.Value.unknown())) : engine.evaluate(state, value);
            for (Evaluated outcome : outcomes) {
                outcome.state().step(new TraceStep(session.locator.apply(statement), text));
                exits.add(new Exit(outcome.state(), outcome.value(), session.locator.apply(statement)));
            }
        }
        return exits;
    }

    private Flow tryBlock(ICPPASTTryBlockStatement tryBlock, Flow flow) {
        List<PathState> entry = flow.live().stream().map(PathState::fork).toList();
        Flow afterTry = walk(tryBlock.getTryBody(), flow);
        List<PathState> live = new ArrayList<>(afterTry.live());
        Flow current = afterTry;
        for (ICPPASTCatchHandler handler : tryBlock.getCatchHandlers()) {
            Flow afterHandler = walk(handler.getCatchBody(),
                    current.withLive(entry.stream().map(PathState::fork).toList()));
            live.addAll(afterHandler.live());
            current = afterHandler;
        }
        return current.withLive(Outcomes.boundedPaths(live));
    }
}
