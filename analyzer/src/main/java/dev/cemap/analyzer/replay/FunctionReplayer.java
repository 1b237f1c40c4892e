package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.Environment;
import dev.cemap.analyzer.eval.ExpressionEvaluator;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCaseStatement;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTContinueStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDefaultStatement;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTConstructorInitializer;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTTryBlockStatement;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTCatchHandler;

/**
 * Replays one function body: walks its statements in order, evaluating every expression on the
 * current path, forking the path at branches and joining it where branches meet. Calls of
 * modelled CE APIs become {@link ReplayEvent}s against the path's emulated memory.
 *
 * <p>Paths are not enumerated: a branch that returns or jumps away does not carry its effects
 * past the branch, two branches that both fall through are joined, and a loop body is replayed
 * once with the variables it assigns forgotten. That keeps the replay linear in the size of the
 * function.
 */
public final class FunctionReplayer {

    private final CeVersion target;
    private final Function<IASTNode, SourceLocation> locator;

    public FunctionReplayer(CeVersion target, Function<IASTNode, SourceLocation> locator) {
        this.target = target;
        this.locator = locator;
    }

    public FunctionReplay replay(IASTFunctionDefinition definition) {
        Walk walk = new Walk(functionName(definition));
        walk.statement(definition.getBody());
        return new FunctionReplay(walk.functionName, locator.apply(definition), target, walk.calls.events());
    }

    static String functionName(IASTFunctionDefinition definition) {
        IASTName name = definition.getDeclarator().getName();
        IASTDeclarator declarator = definition.getDeclarator();
        while (name.toString().isEmpty() && declarator.getNestedDeclarator() != null) {
            declarator = declarator.getNestedDeclarator();
            name = declarator.getName();
        }
        return name.toString();
    }

    /** The state of one function's replay. */
    private final class Walk implements Environment {

        private final String functionName;
        private ReplayState state = new ReplayState(target);
        private final ApiCallReplayer calls = new ApiCallReplayer(() -> state);
        private final ExpressionEvaluator evaluator = new ExpressionEvaluator(this);
        private final Map<String, ReplayState> pendingJumps = new HashMap<>();
        private final List<ReplayState> breakStates = new ArrayList<>();

        Walk(String functionName) {
            this.functionName = functionName;
        }

        void statement(IASTStatement statement) {
            if (statement == null) {
                return;
            }
            if (statement instanceof IASTLabelStatement label) {
                arriveAtLabel(label.getName().toString());
                statement(label.getNestedStatement());
                return;
            }
            if (state.isTerminated() && !(statement instanceof IASTCompoundStatement)) {
                return; // unreachable on this path; a later label may revive it
            }
            if (statement instanceof IASTCompoundStatement compound) {
                for (IASTStatement inner : compound.getStatements()) {
                    statement(inner);
                }
            } else if (statement instanceof IASTExpressionStatement expression) {
                evaluate(expression.getExpression());
            } else if (statement instanceof IASTDeclarationStatement declaration) {
                declaration(declaration.getDeclaration());
            } else if (statement instanceof IASTIfStatement ifStatement) {
                ifStatement(ifStatement);
            } else if (statement instanceof IASTReturnStatement returnStatement) {
                evaluate(returnStatement.getReturnValue());
                state.terminate();
            } else if (statement instanceof IASTGotoStatement jump) {
                pendingJumps.merge(jump.getName().toString(), state, ReplayState::join);
                state = state.fork();
                state.terminate();
            } else if (statement instanceof IASTBreakStatement) {
                breakStates.add(state);
                state = state.fork();
                state.terminate();
            } else if (statement instanceof IASTContinueStatement) {
                state.terminate();
            } else if (statement instanceof IASTWhileStatement loop) {
                loop(loop.getCondition(), loop.getBody(), null, null);
            } else if (statement instanceof IASTDoStatement loop) {
                loop(null, loop.getBody(), loop.getCondition(), null);
            } else if (statement instanceof IASTForStatement loop) {
                statement(loop.getInitializerStatement());
                loop(loop.getConditionExpression(), loop.getBody(), null, loop.getIterationExpression());
            } else if (statement instanceof IASTSwitchStatement switchStatement) {
                switchStatement(switchStatement);
            } else if (statement instanceof ICPPASTTryBlockStatement tryBlock) {
                tryBlock(tryBlock);
            }
        }

        private void arriveAtLabel(String label) {
            ReplayState jumped = pendingJumps.remove(label);
            if (jumped != null) {
                state = ReplayState.join(state, jumped);
            }
        }

        private void ifStatement(IASTIfStatement ifStatement) {
            Value condition = evaluate(ifStatement.getConditionExpression());
            if (condition.isKnown()) {
                // "if (0)" and configuration constants: only the branch that runs is replayed.
                statement(condition.longValue() != 0 ? ifStatement.getThenClause() : ifStatement.getElseClause());
                return;
            }
            ReplayState before = state;
            state = before.fork();
            statement(ifStatement.getThenClause());
            ReplayState afterThen = state;
            state = before.fork();
            statement(ifStatement.getElseClause());
            state = ReplayState.join(afterThen, state);
        }

        private void loop(IASTExpression condition, IASTStatement body, IASTExpression trailingCondition,
                IASTExpression iteration) {
            Set<StorageKey> assigned = assignedIn(condition, body, trailingCondition, iteration);
            state.havoc(assigned);
            ReplayState before = state;
            Value entry = evaluate(condition);
            if (entry.isKnown() && entry.longValue() == 0) {
                return;
            }
            List<ReplayState> outerBreaks = new ArrayList<>(breakStates);
            breakStates.clear();
            state = before.fork();
            statement(body);
            evaluate(iteration);
            evaluate(trailingCondition);
            ReplayState exit = state.isTerminated() ? before : state;
            for (ReplayState broken : breakStates) {
                exit = ReplayState.join(exit, broken);
            }
            breakStates.clear();
            breakStates.addAll(outerBreaks);
            state = exit.isTerminated() ? before.fork() : exit;
            state.havoc(assigned);
        }

        private void switchStatement(IASTSwitchStatement switchStatement) {
            Value controller = evaluate(switchStatement.getControllerExpression());
            IASTStatement body = switchStatement.getBody();
            IASTStatement[] statements = body instanceof IASTCompoundStatement compound ? compound.getStatements()
                    : new IASTStatement[] {body};
            List<ReplayState> outerBreaks = new ArrayList<>(breakStates);
            breakStates.clear();
            if (controller.isKnown()) {
                knownSwitch(controller.longValue(), statements);
            } else {
                unknownSwitch(statements, assignedIn(body));
            }
            breakStates.clear();
            breakStates.addAll(outerBreaks);
        }

        /** A constant controller (as in "switch (0) default:") runs one case: replay exactly that path. */
        private void knownSwitch(long controller, IASTStatement[] statements) {
            int start = -1;
            for (int i = 0; i < statements.length && start < 0; i++) {
                if (statements[i] instanceof IASTCaseStatement label) {
                    Value value = evaluate(label.getExpression());
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
            if (start < 0) {
                return;
            }
            for (int i = start; i < statements.length; i++) {
                if (!(statements[i] instanceof IASTCaseStatement || statements[i] instanceof IASTDefaultStatement)) {
                    statement(statements[i]);
                }
            }
            for (ReplayState broken : breakStates) {
                state = ReplayState.join(state, broken);
            }
        }

        /** Each case is its own path; which ran is unknown, so memory continues as on entry. */
        private void unknownSwitch(IASTStatement[] statements, Set<StorageKey> assigned) {
            ReplayState entry = state;
            state = entry.fork();
            for (IASTStatement inner : statements) {
                if (inner instanceof IASTCaseStatement || inner instanceof IASTDefaultStatement) {
                    state = state.isTerminated() ? entry.fork() : state; // fall-through keeps the path
                    continue;
                }
                statement(inner);
            }
            state = entry;
            state.havoc(assigned);
        }

        private void tryBlock(ICPPASTTryBlockStatement tryBlock) {
            ReplayState entry = state.fork();
            statement(tryBlock.getTryBody());
            ReplayState afterTry = state;
            for (ICPPASTCatchHandler handler : tryBlock.getCatchHandlers()) {
                state = entry.fork();
                statement(handler.getCatchBody());
                afterTry = ReplayState.join(afterTry, state);
            }
            state = afterTry;
        }

        private void declaration(IASTDeclaration declaration) {
            if (!(declaration instanceof IASTSimpleDeclaration simple)) {
                return;
            }
            for (IASTDeclarator declarator : simple.getDeclarators()) {
                IBinding binding = declarator.getName().resolveBinding();
                if (binding == null || binding instanceof IProblemBinding || binding instanceof IFunction) {
                    continue;
                }
                StorageKey key = new StorageKey.Variable(binding);
                IASTInitializer initializer = declarator.getInitializer();
                if (initializer instanceof IASTEqualsInitializer equals) {
                    IASTInitializerClause clause = equals.getInitializerClause();
                    if (clause instanceof IASTInitializerList list) {
                        initializerList(key, list);
                    } else {
                        state.write(key, evaluator.evaluate(clause));
                    }
                } else if (initializer instanceof ICPPASTConstructorInitializer constructor
                        && constructor.getArguments().length == 1) {
                    state.write(key, evaluator.evaluate(constructor.getArguments()[0]));
                } else {
                    state.havoc(List.of(key));
                }
            }
        }

        /** {@code PHYSICAL_ADDRESS pa = { 0x7F005400, 0 };} fills LowPart, HighPart in order. */
        private void initializerList(StorageKey key, IASTInitializerList list) {
            state.havoc(List.of(key));
            IASTInitializerClause[] clauses = list.getClauses();
            String[] largeIntegerParts = {"LowPart", "HighPart"};
            for (int i = 0; i < clauses.length; i++) {
                Value value = evaluator.evaluate(clauses[i]);
                if (i < largeIntegerParts.length && value.isKnown()) {
                    state.write(new StorageKey.Field(key, largeIntegerParts[i]), value);
                }
            }
        }

        private Value evaluate(IASTExpression expression) {
            return expression == null ? Value.unknown() : evaluator.evaluate(expression);
        }

        @Override
        public Value read(StorageKey key) {
            return state.read(key);
        }

        @Override
        public void write(StorageKey key, Value value) {
            state.write(key, value);
        }

        @Override
        public Value call(IASTFunctionCallExpression call, String calleeName, List<Value> arguments) {
            IASTInitializerClause[] argumentNodes = call.getArguments();
            Optional<MappingApi> api = MappingApi.byName(calleeName);
            if (api.isEmpty() || arguments.size() != api.get().arity() || definedInSource(call)) {
                forgetOutArguments(argumentNodes);
                return Value.unknown();
            }
            List<String> texts = new ArrayList<>();
            for (IASTInitializerClause argument : argumentNodes) {
                texts.add(argument.getRawSignature());
            }
            CallSite site = new CallSite(locator.apply(call), functionName, calleeName, texts);
            Value physical = api.get() == MappingApi.MM_MAP_IO_SPACE ? physicalAddressArgument(argumentNodes[0])
                    : Value.unknown();
            return calls.replay(api.get(), site, arguments, physical);
        }

        /** A PHYSICAL_ADDRESS passed by value: its number is what QuadPart / LowPart hold. */
        private Value physicalAddressArgument(IASTInitializerClause argument) {
            if (!(argument instanceof IASTExpression expression)) {
                return Value.unknown();
            }
            Optional<StorageKey> key = evaluator.storageOf(expression);
            if (key.isEmpty()) {
                return Value.unknown();
            }
            for (String part : new String[] {"QuadPart", "LowPart"}) {
                Value value = state.read(new StorageKey.Field(key.get(), part));
                if (value != null && value.isKnown()) {
                    return Value.of(value.longValue() & 0xFFFFFFFFL);
                }
            }
            return Value.unknown();
        }

        /** An unknown callee may write through {@code &x}: forget x. */
        private void forgetOutArguments(IASTInitializerClause[] arguments) {
            for (IASTInitializerClause argument : arguments) {
                if (argument instanceof IASTUnaryExpression unary
                        && unary.getOperator() == IASTUnaryExpression.op_amper) {
                    evaluator.storageOf(unary.getOperand()).ifPresent(key -> state.havoc(List.of(key)));
                }
            }
        }

        /** Code that defines its own VirtualCopy or MmMapIoSpace is not the CE API. */
        private boolean definedInSource(IASTFunctionCallExpression call) {
            IASTExpression callee = ExpressionEvaluator.stripParentheses(call.getFunctionNameExpression());
            if (!(callee instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id)) {
                return false;
            }
            IBinding binding = id.getName().resolveBinding();
            if (!(binding instanceof IFunction) || call.getTranslationUnit() == null) {
                return false;
            }
            for (IASTName definition : call.getTranslationUnit().getDefinitionsInAST(binding)) {
                if (definition.isPartOfTranslationUnitFile()) {
                    return true;
                }
            }
            return false;
        }

        private Set<StorageKey> assignedIn(IASTNode... nodes) {
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
                        evaluator.storageOf(binary.getOperand1()).ifPresent(keys::add);
                    } else if (expression instanceof IASTUnaryExpression unary && isIncrement(unary.getOperator())) {
                        evaluator.storageOf(unary.getOperand()).ifPresent(keys::add);
                    }
                    return PROCESS_CONTINUE;
                }

                @Override
                public int visit(IASTDeclarator declarator) {
                    IBinding binding = declarator.getName().resolveBinding();
                    if (binding != null && !(binding instanceof IProblemBinding)) {
                        keys.add(new StorageKey.Variable(binding));
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
    }

    private static boolean isIncrement(int operator) {
        return operator == IASTUnaryExpression.op_prefixIncr || operator == IASTUnaryExpression.op_prefixDecr
                || operator == IASTUnaryExpression.op_postFixIncr || operator == IASTUnaryExpression.op_postFixDecr;
    }
}
