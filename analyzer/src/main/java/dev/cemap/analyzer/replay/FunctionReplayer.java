package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.Environment;
import dev.cemap.analyzer.eval.ExpressionEvaluator;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTCatchHandler;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTCompositeTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTConstructorInitializer;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTTryBlockStatement;

/**
 * Replays one function body along its paths. Every statement is evaluated on every live path;
 * a branch forks each path into the ones its condition allows (a pointer NULL or not, a
 * VirtualCopy that failed or succeeded), so that an error return sees exactly what its path
 * reserved and released. Calls of modelled CE APIs become {@link ReplayEvent}s against the path's
 * emulated memory; calls of functions defined in the scanned sources are replayed in place with
 * the caller's argument values. At every exit the path's unreleased regions are checked.
 *
 * <p>Bounds: at most {@link #MAX_PATHS} live paths (more are joined), loops replayed once with
 * the variables they assign forgotten, wrappers followed {@link #MAX_INLINE_DEPTH} deep, and a
 * budget of statement visits per function, past which the replay stops and says so.
 */
public final class FunctionReplayer {

    static final int MAX_PATHS = 32;
    static final int MAX_INLINE_DEPTH = 4;
    static final int MAX_VISITS = 40_000;
    private static final int MAX_LIFETIME_STATES = 4;

    private final CeVersion target;
    private final Function<IASTNode, SourceLocation> locator;
    private final DefinitionLookup definitions;
    private final DeviceWindows windows;

    public FunctionReplayer(CeVersion target, Function<IASTNode, SourceLocation> locator) {
        this(target, locator, DefinitionLookup.NONE, DeviceWindows.NONE);
    }

    /**
     * @param windows the registry windows of the driver key this replay assumes the code was
     *                loaded from; {@link DeviceWindows#NONE} when unknown
     */
    public FunctionReplayer(CeVersion target, Function<IASTNode, SourceLocation> locator,
            DefinitionLookup definitions, DeviceWindows windows) {
        this.target = target;
        this.locator = locator;
        this.definitions = definitions;
        this.windows = windows;
    }

    /** Replays {@code definition}; with {@code pairedExit}, also checks what it leaves for that exit. */
    public FunctionReplay replay(IASTFunctionDefinition definition, Optional<IASTFunctionDefinition> pairedExit,
            boolean pairingExpected) {
        String name = functionName(definition);
        Walk walk = new Walk(name);
        Optional<Lifetimes.Pairing> pairing = Lifetimes.pairingOf(name);
        List<ReplayState> exits = walk.run(definition, List.of(new ReplayState(target)), List.of());
        if (walk.complete) {
            walk.checkInitFailures(exits, pairing.map(Lifetimes.Pairing::failure).orElse(null));
            if (pairing.isPresent()) {
                walk.checkLifetime(exits, pairing.get().failure(), pairedExit, pairingExpected);
            }
        }
        return new FunctionReplay(name, locator.apply(definition), target, walk.events, walk.complete,
                windows.description());
    }

    public FunctionReplay replay(IASTFunctionDefinition definition) {
        return replay(definition, Optional.empty(), false);
    }

    /** The function's name as a reader finds it: {@code Class::Method} for members, also inline ones. */
    public static String functionName(IASTFunctionDefinition definition) {
        IASTDeclarator declarator = definition.getDeclarator();
        IASTName name = declarator.getName();
        while (name.toString().isEmpty() && declarator.getNestedDeclarator() != null) {
            declarator = declarator.getNestedDeclarator();
            name = declarator.getName();
        }
        String simple = name.toString();
        if (definition.getParent() instanceof ICPPASTCompositeTypeSpecifier owner && !simple.contains("::")) {
            return owner.getName().toString() + "::" + simple;
        }
        return simple;
    }

    /** Whether the function's name has a paired exit (for the file analyzer to look it up). */
    public static Optional<List<String>> pairedExitNames(IASTFunctionDefinition definition) {
        return Lifetimes.pairingOf(functionName(definition)).map(Lifetimes.Pairing::exitNames);
    }

    /** One function's body being walked: the root, or a wrapper replayed at its call site. */
    private static final class Frame {
        final String function;
        final List<CallSite> via;
        final Set<IBinding> locals = new HashSet<>();
        final Set<Integer> regionsCreated = new HashSet<>();
        final List<ReplayState> returns = new ArrayList<>();
        final Map<String, List<ReplayState>> jumps = new java.util.HashMap<>();
        List<ReplayState> breaks = new ArrayList<>();
        List<ReplayState> continues = new ArrayList<>();

        Frame(String function, List<CallSite> via) {
            this.function = function;
            this.via = via;
        }
    }

    /** The replay of one root function, with the wrappers it calls. */
    private final class Walk implements Environment {

        private final String rootName;
        private final List<ReplayEvent> events = new ArrayList<>();
        private final ApiCallReplayer calls = new ApiCallReplayer(events::add);
        private final ExpressionEvaluator evaluator = new ExpressionEvaluator(this);
        private final List<Frame> frames = new ArrayList<>();
        private final Set<String> inlining = new HashSet<>();
        private ReplayState current;
        private int visits;
        private boolean complete = true;
        private boolean recordLeaks = true;

        Walk(String rootName) {
            this.rootName = rootName;
        }

        private Frame frame() {
            return frames.get(frames.size() - 1);
        }

        /**
         * Walks a body from the given paths; returns the exit paths (returns and the fall-off end).
         *
         * @param via the calls that led here when the body is a wrapper replayed at its call site
         */
        List<ReplayState> run(IASTFunctionDefinition definition, List<ReplayState> entry, List<CallSite> via) {
            Frame frame = new Frame(functionName(definition), via);
            frames.add(frame);
            try {
                declareParameters(definition, frame);
                List<ReplayState> fallOff = statement(definition.getBody(), entry);
                SourceLocation end = endOf(definition);
                for (ReplayState state : fallOff) {
                    state.exit(end, Value.unknown());
                    frame.returns.add(state);
                }
                if (complete) {
                    for (ReplayState exit : frame.returns) {
                        checkLostRegions(frame, exit);
                    }
                }
                return frame.returns;
            } finally {
                frames.remove(frames.size() - 1);
            }
        }

        private void declareParameters(IASTFunctionDefinition definition, Frame frame) {
            for (IBinding parameter : parametersOf(definition)) {
                if (parameter != null) {
                    frame.locals.add(parameter);
                }
            }
        }

        // ---- statements ----

        private List<ReplayState> statement(IASTStatement statement, List<ReplayState> paths) {
            if (statement == null) {
                return paths;
            }
            if (++visits > MAX_VISITS) {
                complete = false;
                return List.of();
            }
            if (statement instanceof IASTLabelStatement label) {
                List<ReplayState> joined = new ArrayList<>(paths);
                List<ReplayState> jumped = frame().jumps.remove(label.getName().toString());
                if (jumped != null) {
                    jumped.forEach(state -> joined.add(state.resumed()));
                }
                return statement(label.getNestedStatement(), bounded(joined));
            }
            if (paths.isEmpty()) {
                return paths;
            }
            if (statement instanceof IASTCompoundStatement compound) {
                List<ReplayState> live = paths;
                for (IASTStatement inner : compound.getStatements()) {
                    live = statement(inner, live);
                }
                return live;
            }
            if (statement instanceof IASTExpressionStatement expression) {
                return each(paths, expression, state -> evaluateOn(state, expression.getExpression()));
            }
            if (statement instanceof IASTDeclarationStatement declaration) {
                return each(paths, declaration, state -> declare(state, declaration.getDeclaration()));
            }
            if (statement instanceof IASTIfStatement ifStatement) {
                return ifStatement(ifStatement, paths);
            }
            if (statement instanceof IASTReturnStatement returnStatement) {
                for (ReplayState state : paths) {
                    for (Outcome outcome : explore(state, returnStatement,
                            s -> new Outcome(evaluateOn(s, returnStatement.getReturnValue()), lastValue, null))) {
                        ReplayState after = outcome.state();
                        after.step(new TraceStep(locator.apply(returnStatement), "returns "
                                + (returnStatement.getReturnValue() == null ? "" : returnStatement.getReturnValue()
                                        .getRawSignature())));
                        after.exit(locator.apply(returnStatement), outcome.value());
                        frame().returns.add(after);
                    }
                }
                return List.of();
            }
            if (statement instanceof IASTGotoStatement jump) {
                frame().jumps.computeIfAbsent(jump.getName().toString(), k -> new ArrayList<>()).addAll(paths);
                return List.of();
            }
            if (statement instanceof IASTBreakStatement) {
                frame().breaks.addAll(paths);
                return List.of();
            }
            if (statement instanceof IASTContinueStatement) {
                frame().continues.addAll(paths);
                return List.of();
            }
            if (statement instanceof IASTWhileStatement loop) {
                return loop(paths, loop.getCondition(), loop.getBody(), null, null);
            }
            if (statement instanceof IASTDoStatement loop) {
                return loop(paths, null, loop.getBody(), loop.getCondition(), null);
            }
            if (statement instanceof IASTForStatement loop) {
                List<ReplayState> initialized = statement(loop.getInitializerStatement(), paths);
                return loop(initialized, loop.getConditionExpression(), loop.getBody(), null,
                        loop.getIterationExpression());
            }
            if (statement instanceof IASTSwitchStatement switchStatement) {
                return switchStatement(switchStatement, paths);
            }
            if (statement instanceof ICPPASTTryBlockStatement tryBlock) {
                return tryBlock(tryBlock, paths);
            }
            return paths;
        }

        /** Applies a statement's evaluation to every path, and to every outcome of the wrappers it calls. */
        private List<ReplayState> each(List<ReplayState> paths, IASTNode node, Function<ReplayState, ReplayState> step) {
            List<ReplayState> result = new ArrayList<>(paths.size());
            for (ReplayState state : paths) {
                result.addAll(explore(state, node, step));
            }
            return bounded(result);
        }

        private Value lastValue = Value.unknown();

        /** A path after evaluating something, with the value and, for conditions, every sub-value. */
        private record Outcome(ReplayState state, Value value, Map<IASTExpression, Value> values) {
        }

        /**
         * The exits of the wrappers called while evaluating one statement, and which exit each
         * attempt continues from. A wrapper's exits are kept apart (it returned FALSE after
         * releasing, or TRUE holding the mapping), so the statement is evaluated once per
         * combination; each wrapper is replayed only once.
         */
        private static final class ChoicePlan {
            final List<List<ReplayState>> exits = new ArrayList<>();
            final List<Integer> chosen = new ArrayList<>();
            int next;

            /** Moves to the next combination, like an odometer; false when all were tried. */
            boolean advance() {
                for (int i = chosen.size() - 1; i >= 0; i--) {
                    if (chosen.get(i) + 1 < exits.get(i).size()) {
                        chosen.set(i, chosen.get(i) + 1);
                        exits.subList(i + 1, exits.size()).clear();
                        chosen.subList(i + 1, chosen.size()).clear();
                        return true;
                    }
                    exits.remove(i);
                    chosen.remove(i);
                }
                return false;
            }
        }

        private ChoicePlan plan;
        private final Map<IASTNode, Boolean> hasCalls = new java.util.IdentityHashMap<>();

        /** Evaluates {@code step} from {@code start} once per combination of wrapper exits. */
        private <T> List<T> explore(ReplayState start, IASTNode node, Function<ReplayState, T> step) {
            if (!containsCall(node)) {
                return List.of(step.apply(start));
            }
            ChoicePlan outer = plan;
            ChoicePlan mine = new ChoicePlan();
            List<T> results = new ArrayList<>();
            try {
                do {
                    plan = mine;
                    mine.next = 0;
                    results.add(step.apply(start.fork()));
                } while (results.size() < MAX_PATHS && mine.advance());
            } finally {
                plan = outer;
            }
            return results;
        }

        private boolean containsCall(IASTNode node) {
            if (node == null) {
                return false;
            }
            return hasCalls.computeIfAbsent(node, n -> {
                boolean[] found = {false};
                n.accept(new ASTVisitor() {
                    {
                        shouldVisitExpressions = true;
                    }

                    @Override
                    public int visit(IASTExpression expression) {
                        if (expression instanceof IASTFunctionCallExpression) {
                            found[0] = true;
                            return PROCESS_ABORT;
                        }
                        return PROCESS_CONTINUE;
                    }
                });
                return found[0];
            });
        }

        /** Evaluates on one path; returns the path as it is after (a wrapper call may replace it). */
        private ReplayState evaluateOn(ReplayState state, IASTExpression expression) {
            current = state;
            lastValue = expression == null ? Value.unknown() : evaluator.evaluate(expression);
            return current;
        }

        private List<ReplayState> ifStatement(IASTIfStatement ifStatement, List<ReplayState> paths) {
            List<ReplayState> thenPaths = new ArrayList<>();
            List<ReplayState> elsePaths = new ArrayList<>();
            IASTExpression condition = ifStatement.getConditionExpression();
            for (ReplayState state : paths) {
                for (Outcome outcome : explore(state, condition, s -> {
                    current = s;
                    Map<IASTExpression, Value> values = evaluator.evaluateRecording(condition);
                    return new Outcome(current, null, values);
                })) {
                    ReplayState after = outcome.state();
                    Conditions conditions = new Conditions(outcome.values());
                    for (ReplayState taken : conditions.assume(condition, true, after)) {
                        thenPaths.add(noteBranch(taken, ifStatement, true, after));
                    }
                    for (ReplayState taken : conditions.assume(condition, false, after)) {
                        elsePaths.add(noteBranch(taken, ifStatement, false, after));
                    }
                }
            }
            List<ReplayState> result = new ArrayList<>(statement(ifStatement.getThenClause(), thenPaths));
            result.addAll(statement(ifStatement.getElseClause(), elsePaths));
            return bounded(result);
        }

        /** Records in the path what a branch decided about the path's regions and calls. */
        private ReplayState noteBranch(ReplayState taken, IASTIfStatement ifStatement, boolean truth,
                ReplayState before) {
            if (!taken.regions().equals(before.regions()) || taken.emulation().operationCount()
                    != before.emulation().operationCount()) {
                taken.step(new TraceStep(locator.apply(ifStatement.getConditionExpression()),
                        (truth ? "takes the branch: " : "skips the branch: ")
                                + ifStatement.getConditionExpression().getRawSignature()));
            }
            return taken;
        }

        private List<ReplayState> loop(List<ReplayState> paths, IASTExpression condition, IASTStatement body,
                IASTExpression trailingCondition, IASTExpression iteration) {
            Set<StorageKey> assigned = assignedIn(condition, body, trailingCondition, iteration);
            List<ReplayState> entry = new ArrayList<>();
            List<ReplayState> skipped = new ArrayList<>();
            boolean conditionMayFail = false;
            for (ReplayState state : paths) {
                state.havoc(assigned);
                ReplayState after = evaluateOn(state, condition);
                boolean mayHold = condition == null || !lastValue.isKnown() || lastValue.longValue() != 0;
                boolean mayFail = condition != null && (!lastValue.isKnown() || lastValue.longValue() == 0);
                conditionMayFail |= mayFail;
                if (mayHold) {
                    entry.add(after);
                }
                if (mayFail && trailingCondition == null) {
                    skipped.add(after.fork()); // a while/for loop may run zero times
                }
            }
            List<ReplayState> outerBreaks = frame().breaks;
            List<ReplayState> outerContinues = frame().continues;
            frame().breaks = new ArrayList<>();
            frame().continues = new ArrayList<>();
            List<ReplayState> afterBody = statement(body, entry);
            afterBody = new ArrayList<>(afterBody);
            afterBody.addAll(frame().continues);
            List<ReplayState> exits = new ArrayList<>();
            for (ReplayState state : afterBody) {
                ReplayState after = evaluateOn(state, iteration);
                after = evaluateOn(after, trailingCondition);
                // while (1) and for (;;) end only through break or return.
                boolean mayStop = trailingCondition != null
                        ? !lastValue.isKnown() || lastValue.longValue() == 0
                        : conditionMayFail;
                if (mayStop) {
                    exits.add(after);
                }
            }
            exits.addAll(frame().breaks);
            exits.addAll(skipped);
            frame().breaks = outerBreaks;
            frame().continues = outerContinues;
            for (ReplayState state : exits) {
                state.havoc(assigned);
            }
            return bounded(exits);
        }

        private List<ReplayState> switchStatement(IASTSwitchStatement switchStatement, List<ReplayState> paths) {
            IASTStatement body = switchStatement.getBody();
            IASTStatement[] statements = body instanceof IASTCompoundStatement compound ? compound.getStatements()
                    : new IASTStatement[] {body};
            List<ReplayState> outerBreaks = frame().breaks;
            frame().breaks = new ArrayList<>();
            List<ReplayState> exits = new ArrayList<>();
            for (ReplayState state : paths) {
                ReplayState entry = evaluateOn(state, switchStatement.getControllerExpression());
                Value controller = lastValue;
                exits.addAll(controller.isKnown() ? knownSwitch(controller.longValue(), statements, entry)
                        : unknownSwitch(statements, entry));
            }
            exits.addAll(frame().breaks);
            frame().breaks = outerBreaks;
            return bounded(exits);
        }

        /** A constant controller (as in "switch (0) default:") runs one case: replay exactly that. */
        private List<ReplayState> knownSwitch(long controller, IASTStatement[] statements, ReplayState entry) {
            int start = -1;
            for (int i = 0; i < statements.length && start < 0; i++) {
                if (statements[i] instanceof IASTCaseStatement label) {
                    ReplayState probe = evaluateOn(entry.fork(), label.getExpression());
                    if (lastValue.isKnown() && lastValue.longValue() == controller && probe != null) {
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
                return List.of(entry);
            }
            List<ReplayState> live = List.of(entry);
            for (int i = start; i < statements.length; i++) {
                if (!(statements[i] instanceof IASTCaseStatement || statements[i] instanceof IASTDefaultStatement)) {
                    live = statement(statements[i], live);
                }
            }
            return live;
        }

        /** Each case label starts a path from the entry; falling through continues the one before. */
        private List<ReplayState> unknownSwitch(IASTStatement[] statements, ReplayState entry) {
            List<ReplayState> live = new ArrayList<>();
            boolean hasDefault = false;
            for (IASTStatement inner : statements) {
                if (inner instanceof IASTCaseStatement || inner instanceof IASTDefaultStatement) {
                    hasDefault |= inner instanceof IASTDefaultStatement;
                    live = new ArrayList<>(live);
                    live.add(entry.fork());
                    live = bounded(live);
                    continue;
                }
                live = statement(inner, live);
            }
            List<ReplayState> exits = new ArrayList<>(live);
            if (!hasDefault) {
                exits.add(entry.fork());
            }
            return exits;
        }

        private List<ReplayState> tryBlock(ICPPASTTryBlockStatement tryBlock, List<ReplayState> paths) {
            List<ReplayState> entry = new ArrayList<>();
            paths.forEach(state -> entry.add(state.fork()));
            List<ReplayState> result = new ArrayList<>(statement(tryBlock.getTryBody(), paths));
            for (ICPPASTCatchHandler handler : tryBlock.getCatchHandlers()) {
                List<ReplayState> handlerEntry = new ArrayList<>();
                entry.forEach(state -> handlerEntry.add(state.fork()));
                result.addAll(statement(handler.getCatchBody(), handlerEntry));
            }
            return bounded(result);
        }

        /**
         * Keeps the number of live paths bounded: paths that behave alike from here on are kept
         * once, and beyond {@link #MAX_PATHS} the surplus is joined into the last kept one.
         */
        private List<ReplayState> bounded(List<ReplayState> all) {
            if (all.size() <= 1) {
                return all;
            }
            Map<Object, ReplayState> distinct = new java.util.LinkedHashMap<>();
            for (ReplayState state : all) {
                distinct.putIfAbsent(state.equivalenceKey(), state);
            }
            List<ReplayState> paths = new ArrayList<>(distinct.values());
            if (paths.size() <= MAX_PATHS) {
                return paths;
            }
            List<ReplayState> kept = new ArrayList<>(paths.subList(0, MAX_PATHS - 1));
            ReplayState rest = paths.get(MAX_PATHS - 1);
            for (int i = MAX_PATHS; i < paths.size(); i++) {
                rest = ReplayState.join(rest, paths.get(i));
            }
            kept.add(rest);
            return kept;
        }

        // ---- declarations ----

        private ReplayState declare(ReplayState state, IASTDeclaration declaration) {
            current = state;
            if (!(declaration instanceof IASTSimpleDeclaration simple)) {
                return current;
            }
            for (IASTDeclarator declarator : simple.getDeclarators()) {
                IBinding binding = declarator.getName().resolveBinding();
                if (binding == null || binding instanceof IProblemBinding || binding instanceof IFunction
                        || !(binding instanceof IVariable variable)) {
                    continue;
                }
                StorageKey key = ExpressionEvaluator.keyOf(variable);
                if (key instanceof StorageKey.Variable) {
                    frame().locals.add(binding);
                }
                IASTInitializer initializer = declarator.getInitializer();
                if (initializer instanceof IASTEqualsInitializer equals) {
                    IASTInitializerClause clause = equals.getInitializerClause();
                    if (clause instanceof IASTInitializerList list) {
                        initializerList(key, list);
                    } else {
                        Value value = evaluator.evaluate(clause);
                        current.write(key, value);
                    }
                } else if (initializer instanceof ICPPASTConstructorInitializer constructor
                        && constructor.getArguments().length == 1) {
                    Value value = evaluator.evaluate(constructor.getArguments()[0]);
                    current.write(key, value);
                } else if (initializer == null) {
                    current.havoc(List.of(key));
                    if (isLargeInteger(simple) && key instanceof StorageKey.Variable) {
                        current.declareUnsetLargeInteger(key);
                    }
                }
            }
            return current;
        }

        /** PHYSICAL_ADDRESS and LARGE_INTEGER locals: their HighPart must be set before use. */
        private boolean isLargeInteger(IASTSimpleDeclaration declaration) {
            String type = declaration.getDeclSpecifier().getRawSignature();
            return type.contains("PHYSICAL_ADDRESS") || type.contains("LARGE_INTEGER");
        }

        /** {@code PHYSICAL_ADDRESS pa = { 0x7F005400, 0 };} fills LowPart, HighPart in order. */
        private void initializerList(StorageKey key, IASTInitializerList list) {
            current.havoc(List.of(key));
            IASTInitializerClause[] clauses = list.getClauses();
            String[] largeIntegerParts = {"LowPart", "HighPart"};
            for (int i = 0; i < clauses.length; i++) {
                Value value = evaluator.evaluate(clauses[i]);
                if (i < largeIntegerParts.length && value.isKnown()) {
                    current.write(new StorageKey.Field(key, largeIntegerParts[i]), value);
                }
            }
            if (clauses.length == 1) {
                // "= { 0 }" zero-fills the rest.
                current.write(new StorageKey.Field(key, "HighPart"), Value.of(0));
            }
        }

        // ---- the evaluator's environment ----

        @Override
        public Value read(StorageKey key) {
            return current.read(key);
        }

        @Override
        public void write(StorageKey key, Value value) {
            current.write(key, value);
        }

        @Override
        public Value call(IASTFunctionCallExpression call, String calleeName, List<Value> arguments) {
            IASTInitializerClause[] argumentNodes = call.getArguments();
            Optional<IASTFunctionDefinition> body = definitions.definitionOf(call, calleeName);
            if (body.isPresent()) {
                return inline(call, calleeName, body.get(), arguments);
            }
            if (!windows.isEmpty() && RegistryReads.isWindowRead(calleeName)) {
                forgetOutArguments(argumentNodes, arguments);
                return RegistryReads.answer(calleeName, argumentNodes, windows, evaluator, current);
            }
            Optional<MappingApi> api = MappingApi.byName(calleeName);
            if (api.isEmpty() || arguments.size() != api.get().arity()) {
                forgetOutArguments(argumentNodes, arguments);
                return Value.unknown();
            }
            CallSite site = siteOf(call, calleeName);
            Value physical = Value.unknown();
            boolean highPartUnset = false;
            if (api.get() == MappingApi.MM_MAP_IO_SPACE && argumentNodes[0] instanceof IASTExpression pa) {
                Optional<StorageKey> key = evaluator.storageOf(pa);
                physical = key.map(this::physicalAddressIn).orElse(Value.unknown());
                highPartUnset = key.map(current::isHighPartUnset).orElse(false);
            }
            Value result = calls.replay(current, api.get(), site, arguments, physical, highPartUnset);
            writeKernelPhysicalAddress(api.get(), argumentNodes);
            if (result.pointee().orElse(null) instanceof dev.cemap.analyzer.eval.Pointee.Region region) {
                frame().regionsCreated.add(region.regionId());
            }
            return result;
        }

        /**
         * AllocPhysMem and HalAllocateCommonBuffer return the buffer's physical address through an
         * out-parameter: what the code later maps with PAGE_PHYSICAL or MmMapIoSpace from it is
         * kernel-managed RAM.
         */
        private void writeKernelPhysicalAddress(MappingApi api, IASTInitializerClause[] arguments) {
            Value physical = Value.pointingTo(new dev.cemap.analyzer.eval.Pointee.Heap(api.functionName()));
            if (api == MappingApi.ALLOC_PHYS_MEM) {
                RegistryReads.target(arguments[api.parameter("physical")], evaluator)
                        .ifPresent(key -> current.write(key, physical));
            } else if (api == MappingApi.HAL_ALLOCATE_COMMON_BUFFER) {
                RegistryReads.target(arguments[api.parameter("physical")], evaluator).ifPresent(key -> {
                    current.write(new StorageKey.Field(key, "QuadPart"), physical);
                    current.write(new StorageKey.Field(key, "LowPart"), physical);
                });
            }
        }

        private CallSite siteOf(IASTFunctionCallExpression call, String calleeName) {
            List<String> texts = new ArrayList<>();
            for (IASTInitializerClause argument : call.getArguments()) {
                texts.add(argument.getRawSignature());
            }
            return new CallSite(locator.apply(call), rootName, calleeName, texts, frame().via);
        }

        /** A PHYSICAL_ADDRESS passed by value: its number is what QuadPart / LowPart hold. */
        private Value physicalAddressIn(StorageKey key) {
            for (String part : new String[] {"QuadPart", "LowPart"}) {
                Value value = current.read(new StorageKey.Field(key, part));
                if (value != null && value.isKnown()) {
                    return Value.of(value.longValue() & 0xFFFFFFFFL);
                }
                if (value != null && value.pointee().orElse(null) instanceof dev.cemap.analyzer.eval.Pointee.Heap) {
                    return value; // kernel RAM from AllocPhysMem / HalAllocateCommonBuffer
                }
            }
            return Value.unknown();
        }

        /**
         * An unknown callee may write through {@code &x} (forget x) and may keep any region it
         * is handed (it escapes: the replay cannot say it leaks).
         */
        private void forgetOutArguments(IASTInitializerClause[] nodes, List<Value> arguments) {
            for (IASTInitializerClause argument : nodes) {
                IASTNode stripped = argument;
                while (stripped instanceof IASTUnaryExpression bracketed
                        && bracketed.getOperator() == IASTUnaryExpression.op_bracketedPrimary
                        || stripped instanceof org.eclipse.cdt.core.dom.ast.IASTCastExpression) {
                    stripped = stripped instanceof org.eclipse.cdt.core.dom.ast.IASTCastExpression cast
                            ? cast.getOperand() : ((IASTUnaryExpression) stripped).getOperand();
                }
                if (stripped instanceof IASTUnaryExpression unary
                        && unary.getOperator() == IASTUnaryExpression.op_amper) {
                    evaluator.storageOf(unary.getOperand()).ifPresent(key -> current.havoc(List.of(key)));
                }
            }
            for (Value argument : arguments) {
                if (argument.pointee().orElse(null) instanceof dev.cemap.analyzer.eval.Pointee.Region region) {
                    current.escape(region.regionId());
                }
            }
        }

        /** Replays a wrapper defined in the scanned sources with this call's argument values. */
        private Value inline(IASTFunctionCallExpression call, String calleeName, IASTFunctionDefinition body,
                List<Value> arguments) {
            if (frames.size() > MAX_INLINE_DEPTH || inlining.contains(functionName(body))) {
                forgetOutArguments(call.getArguments(), arguments);
                return Value.unknown();
            }
            return replayBody(body, arguments, objectOf(call), siteOf(call, calleeName));
        }

        /** {@code delete p}: the destructor runs on {@code *p}, releasing what it releases. */
        @Override
        public void destroy(IASTExpression object) {
            IASTExpression operand = ExpressionEvaluator.stripParentheses(object);
            org.eclipse.cdt.core.dom.ast.IType type = operand.getExpressionType();
            while (type instanceof org.eclipse.cdt.core.dom.ast.ITypedef
                    || type instanceof org.eclipse.cdt.core.dom.ast.IPointerType
                    || type instanceof org.eclipse.cdt.core.dom.ast.IQualifierType) {
                type = type instanceof org.eclipse.cdt.core.dom.ast.ITypedef typedef ? typedef.getType()
                        : type instanceof org.eclipse.cdt.core.dom.ast.IPointerType pointer ? pointer.getType()
                        : ((org.eclipse.cdt.core.dom.ast.IQualifierType) type).getType();
            }
            if (!(type instanceof org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType cls)) {
                return;
            }
            Optional<IASTFunctionDefinition> destructor = definitions.destructorOf(cls);
            Optional<StorageKey> key = evaluator.storageOf(operand);
            if (destructor.isEmpty() || key.isEmpty() || frames.size() > MAX_INLINE_DEPTH
                    || inlining.contains(functionName(destructor.get()))) {
                return;
            }
            replayBody(destructor.get(), List.of(), key, new CallSite(locator.apply(object), rootName,
                    "~" + cls.getName(), List.of(object.getRawSignature()), frame().via));
        }

        /**
         * Replays a body in place of a call. Its exits are kept apart through the statement's
         * {@link ChoicePlan} when there is one; members of {@code object} are its {@code this}.
         */
        private Value replayBody(IASTFunctionDefinition body, List<Value> arguments, Optional<StorageKey> object,
                CallSite site) {
            String key = functionName(body);
            ChoicePlan active = plan;
            int index = active == null ? -1 : active.next++;
            List<ReplayState> exits;
            Map<StorageKey, Value> callersThis;
            if (active != null && index < active.exits.size()) {
                exits = active.exits.get(index);
                callersThis = object.isPresent() ? current.stash(new StorageKey.This()) : Map.of();
            } else {
                ReplayState entry = current;
                callersThis = object.isPresent() ? entry.stash(new StorageKey.This()) : Map.of();
                object.ifPresent(owner -> entry.rebase(owner, new StorageKey.This()));
                bindParameters(body, arguments, entry);
                List<CallSite> via = new ArrayList<>(frame().via);
                via.add(site);
                inlining.add(key);
                try {
                    exits = run(body, List.of(entry), via);
                } finally {
                    inlining.remove(key);
                }
                for (Integer region : frameRegions(exits)) {
                    frame().regionsCreated.add(region);
                }
                if (active != null) {
                    active.exits.add(exits);
                    active.chosen.add(0);
                }
            }
            ReplayState continued;
            if (exits.isEmpty()) {
                continued = current.fork();
                continued.terminate();
            } else if (active != null) {
                continued = exits.get(active.chosen.get(index)).resumed();
            } else {
                ReplayState joined = exits.get(0);
                for (int i = 1; i < exits.size(); i++) {
                    joined = ReplayState.join(joined, exits.get(i));
                }
                continued = joined.resumed();
            }
            object.ifPresent(owner -> continued.rebase(new StorageKey.This(), owner));
            continued.restore(callersThis);
            current = continued;
            return continued.returnValue();
        }

        /** For {@code p->Method()} or {@code obj.Method()} on another object: whose members {@code this} means. */
        private Optional<StorageKey> objectOf(IASTFunctionCallExpression call) {
            IASTExpression callee = ExpressionEvaluator.stripParentheses(call.getFunctionNameExpression());
            if (callee instanceof org.eclipse.cdt.core.dom.ast.IASTFieldReference field) {
                IASTExpression owner = ExpressionEvaluator.stripParentheses(field.getFieldOwner());
                if (owner instanceof org.eclipse.cdt.core.dom.ast.IASTLiteralExpression literal
                        && literal.getKind() == org.eclipse.cdt.core.dom.ast.IASTLiteralExpression.lk_this) {
                    return Optional.empty();
                }
                return evaluator.storageOf(owner);
            }
            return Optional.empty();
        }

        private Set<Integer> frameRegions(List<ReplayState> exits) {
            Set<Integer> regions = new HashSet<>();
            for (ReplayState exit : exits) {
                regions.addAll(exit.regions().keySet());
            }
            return regions;
        }

        private void bindParameters(IASTFunctionDefinition body, List<Value> arguments, ReplayState state) {
            List<IBinding> parameters = parametersOf(body);
            for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
                if (parameters.get(i) instanceof IVariable parameter) {
                    state.write(ExpressionEvaluator.keyOf(parameter), arguments.get(i));
                }
            }
        }

        // ---- exits ----

        /** At an exit, a region held only by the frame's locals is lost. */
        private void checkLostRegions(Frame frame, ReplayState exit) {
            if (!recordLeaks || exit.isMerged()) {
                return;
            }
            for (Map.Entry<Integer, RegionStatus> entry : exit.regions().entrySet()) {
                int regionId = entry.getKey();
                if (!entry.getValue().isHeld() || !frame.regionsCreated.contains(regionId)
                        || exit.hasEscaped(regionId) || pointsTo(exit.returnValue(), regionId)) {
                    continue;
                }
                Reach reach = reach(frame, exit, regionId);
                if (reach.escaped) {
                    continue;
                }
                calls.region(regionId).ifPresent(region -> events.add(new ReplayEvent.Unreleased(
                        exitSite(frame, exit), region, ReplayEvent.LeakKind.LOST_AT_EXIT, reach.heldIn,
                        exit.trace().steps())));
                exit.escape(regionId); // reported once: the caller must not report it again
            }
        }

        /** An init function that fails must release what it stored: the paired exit will not run. */
        void checkInitFailures(List<ReplayState> exits, Lifetimes.Failure failure) {
            if (failure == null || failure == Lifetimes.Failure.NEVER) {
                return;
            }
            for (ReplayState exit : exits) {
                if (exit.isMerged() || !isFailureReturn(exit.returnValue(), failure)) {
                    continue;
                }
                for (Map.Entry<Integer, RegionStatus> entry : exit.regions().entrySet()) {
                    int regionId = entry.getKey();
                    if (!entry.getValue().isHeld() || exit.hasEscaped(regionId)) {
                        continue;
                    }
                    String heldIn = longLivedHolder(exit, regionId);
                    if (heldIn.isEmpty()) {
                        continue;
                    }
                    calls.region(regionId).ifPresent(region -> events.add(new ReplayEvent.Unreleased(
                            new CallSite(exit.exitLocation(), rootName, "return", List.of()), region,
                            ReplayEvent.LeakKind.INIT_FAILURE, heldIn, exit.trace().steps())));
                }
            }
        }

        /** Replays the paired exit after each successful init path; what stays stored leaks. */
        void checkLifetime(List<ReplayState> exits, Lifetimes.Failure failure,
                Optional<IASTFunctionDefinition> pairedExit, boolean pairingExpected) {
            List<ReplayState> successes = new ArrayList<>();
            for (ReplayState exit : exits) {
                if (!exit.isMerged() && !isFailureReturn(exit.returnValue(), failure)
                        && successes.size() < MAX_LIFETIME_STATES) {
                    successes.add(exit);
                }
            }
            Set<Integer> reported = new HashSet<>();
            for (ReplayState success : successes) {
                List<ReplayState> ends;
                String exitName;
                if (pairedExit.isPresent()) {
                    exitName = functionName(pairedExit.get());
                    ends = replayQuietly(pairedExit.get(), success);
                } else if (pairingExpected) {
                    exitName = "";
                    ends = List.of(success);
                } else {
                    return;
                }
                for (ReplayState end : ends) {
                    if (end.isMerged()) {
                        continue;
                    }
                    for (Map.Entry<Integer, RegionStatus> entry : end.regions().entrySet()) {
                        int regionId = entry.getKey();
                        String heldIn = longLivedHolder(end, regionId);
                        if (!entry.getValue().isHeld() || end.hasEscaped(regionId) || heldIn.isEmpty()
                                || !reported.add(regionId)) {
                            continue;
                        }
                        ReplayEvent.LeakKind kind = pairedExit.isPresent()
                                ? ReplayEvent.LeakKind.NOT_RELEASED_AT_PAIRED_EXIT : ReplayEvent.LeakKind.NO_PAIRED_EXIT;
                        String held = exitName.isEmpty() ? heldIn : heldIn + " (through " + exitName + ")";
                        calls.region(regionId).ifPresent(region -> events.add(new ReplayEvent.Unreleased(
                                region.site(), region, kind, held, end.trace().steps())));
                    }
                }
            }
        }

        /** The paired exit's own findings come from its own replay; here only its effect counts. */
        private List<ReplayState> replayQuietly(IASTFunctionDefinition exitFunction, ReplayState start) {
            int eventCount = events.size();
            boolean previous = recordLeaks;
            recordLeaks = false;
            try {
                return run(exitFunction, List.of(start.resumed()), List.of());
            } finally {
                recordLeaks = previous;
                // Only what the exit's own replay cannot know stays: releases of regions Init made
                // (their sizes are checked against what was mapped).
                List<ReplayEvent> fromExit = events.subList(eventCount, events.size());
                fromExit.removeIf(event -> !(event instanceof ReplayEvent.UnmapIoSpace unmap
                        && unmap.region().isPresent()));
            }
        }

        private boolean isFailureReturn(Value returned, Lifetimes.Failure failure) {
            if (failure == null || failure == Lifetimes.Failure.NEVER || !returned.isKnown()
                    || returned.pointee().isPresent()) {
                return false;
            }
            boolean zero = returned.longValue() == 0;
            return failure == Lifetimes.Failure.RETURNS_ZERO ? zero : !zero;
        }

        private record Reach(boolean escaped, String heldIn) {
        }

        private Reach reach(Frame frame, ReplayState exit, int regionId) {
            String heldIn = "";
            for (Map.Entry<StorageKey, Value> stored : exit.values().entrySet()) {
                if (!pointsTo(stored.getValue(), regionId)) {
                    continue;
                }
                StorageKey key = stored.getKey();
                StorageKey root = key.root();
                if (!(root instanceof StorageKey.Variable variable) || !frame.locals.contains(variable.binding())) {
                    return new Reach(true, key.toString()); // a global, a member, a caller's variable
                }
                if (!key.equals(root) && isPointer(variable.binding())) {
                    return new Reach(true, key.toString()); // stored through a pointer: kept elsewhere
                }
                heldIn = key.toString();
            }
            return new Reach(false, heldIn);
        }

        private String longLivedHolder(ReplayState state, int regionId) {
            for (Map.Entry<StorageKey, Value> stored : state.values().entrySet()) {
                StorageKey root = stored.getKey().root();
                if (pointsTo(stored.getValue(), regionId)
                        && (root instanceof StorageKey.Global || root instanceof StorageKey.This)) {
                    return stored.getKey().toString();
                }
            }
            return "";
        }

        private boolean isPointer(IBinding binding) {
            try {
                return binding instanceof IVariable variable
                        && dev.cemap.analyzer.eval.TypeSizes.isPointer(variable.getType());
            } catch (RuntimeException e) {
                return true;
            }
        }

        private CallSite exitSite(Frame frame, ReplayState exit) {
            return new CallSite(exit.exitLocation(), rootName, "return", List.of(), frame.via);
        }

        private SourceLocation endOf(IASTFunctionDefinition definition) {
            SourceLocation start = locator.apply(definition);
            return SourceLocation.of(start.file(), Math.max(start.line(), start.endLine()),
                    Math.max(1, start.endColumn() - 1));
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
                    if (binding instanceof IVariable variable) {
                        keys.add(ExpressionEvaluator.keyOf(variable));
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

    private static List<IBinding> parametersOf(IASTFunctionDefinition definition) {
        List<IBinding> parameters = new ArrayList<>();
        definition.getDeclarator().accept(new ASTVisitor() {
            {
                shouldVisitParameterDeclarations = true;
            }

            @Override
            public int visit(IASTParameterDeclaration parameter) {
                parameters.add(parameter.getDeclarator().getName().resolveBinding());
                return PROCESS_SKIP;
            }
        });
        return parameters;
    }

    private static boolean pointsTo(Value value, int regionId) {
        return value.pointee().orElse(null) instanceof dev.cemap.analyzer.eval.Pointee.Region region
                && region.regionId() == regionId;
    }

    private static boolean isIncrement(int operator) {
        return operator == IASTUnaryExpression.op_prefixIncr || operator == IASTUnaryExpression.op_prefixDecr
                || operator == IASTUnaryExpression.op_postFixIncr || operator == IASTUnaryExpression.op_postFixDecr;
    }
}
