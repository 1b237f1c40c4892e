package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Access;
import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.check.FunctionExit;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IVariable;

/**
 * Replays one function body from the paths that enter it, down to the paths that leave it: the
 * replayed function itself, or a function replayed where it is called. Checkers hear about each
 * exit.
 */
final class FrameReplay implements EvaluationHost {

    private final ReplaySession session;
    private final Frame frame;
    private final Calls calls;
    private final ExpressionEngine engine;
    private final Declarations declarations;
    private final StatementWalker walker;

    FrameReplay(ReplaySession session, Frame frame, Calls calls) {
        this.session = session;
        this.frame = frame;
        this.calls = calls;
        this.engine = ExpressionEngine.of(this);
        this.declarations = new Declarations(session, engine, frame);
        this.walker = new StatementWalker(session, engine, declarations);
    }

    List<Exit> run(IASTFunctionDefinition definition, List<PathState> entry) {
        for (IBinding parameter : parametersOf(definition)) {
            if (parameter instanceof IVariable variable) {
                declarations.declareLocal(session.names.keyOf(variable), variable);
            }
        }
        Flow flow = walker.walk(definition.getBody(), Flow.of(entry));
        List<Exit> exits = new ArrayList<>(flow.returns());
        SourceLocation end = endOf(definition);
        for (PathState state : flow.live()) {
            exits.add(new Exit(state, Value.unknown(), end));
        }
        if (session.isComplete()) {
            for (Exit exit : exits) {
                session.checkers.functionExit(new FunctionExit(frame.function, exitSite(exit), exit.returned(),
                        frame.locals, frame.pointerLocals, frame.regionsCreated, frame.isRoot()), exit.state());
            }
        }
        return exits;
    }

    /** Writes the arguments of a call into the parameters of the body about to be replayed. */
    void bindParameters(IASTFunctionDefinition definition, List<Argument> arguments, PathState state) {
        List<IBinding> parameters = parametersOf(definition);
        for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
            if (parameters.get(i) instanceof IVariable parameter) {
                StorageKey key = session.names.keyOf(parameter);
                Argument argument = arguments.get(i);
                session.bind(state, key, argument.value(), Bind.Kind.DECLARED, "");
                if (argument.value().pointee().isEmpty()) {
                    copyFields(state, argument, key); // a struct passed by value: the callee's copy has its fields
                }
            }
        }
    }

    private static void copyFields(PathState state, Argument argument, StorageKey parameter) {
        argument.storage().ifPresent(source -> {
            for (var entry : List.copyOf(state.values().entrySet())) {
                StorageKey rebased = entry.getKey().rebased(source, parameter);
                if (rebased != entry.getKey()) {
                    state.write(rebased, entry.getValue());
                }
            }
        });
    }

    Frame frame() {
        return frame;
    }

    private CallSite exitSite(Exit exit) {
        return new CallSite(exit.at(), session.checkers.rootFunction(), "return", List.of(), frame.via);
    }

    private SourceLocation endOf(IASTFunctionDefinition definition) {
        SourceLocation start = session.locator.apply(definition);
        return SourceLocation.of(start.file(), Math.max(start.line(), start.endLine()),
                Math.max(1, start.endColumn() - 1));
    }

    static List<IBinding> parametersOf(IASTFunctionDefinition definition) {
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

    // ---- the expression engine's host ----

    @Override
    public StorageNames names() {
        return session.names;
    }

    @Override
    public ConstantInitializers constantInitializers() {
        return session.initializers;
    }

    @Override
    public List<Evaluated> call(PathState state, IASTFunctionCallExpression call, String callee,
            List<Argument> arguments) {
        return calls.call(frame, state, call, callee, arguments, engine);
    }

    @Override
    public List<PathState> destroy(PathState state, IASTExpression object) {
        return calls.destroy(frame, state, object, engine);
    }

    @Override
    public int newHeapBlock() {
        return session.newBlockId();
    }

    @Override
    public void bind(PathState state, StorageKey key, Value value, Bind.Kind kind, String declaredType) {
        session.bind(state, key, value, kind, declaredType);
    }

    @Override
    public boolean watchesAccesses() {
        return session.checkers.listens("onAccess");
    }

    @Override
    public void access(PathState state, IASTExpression expression, Value pointer, boolean write, Value stored) {
        CallSite site = new CallSite(session.locator.apply(expression), session.checkers.rootFunction(),
                expression.getRawSignature(), List.of(), frame.via);
        session.checkers.access(new Access(site, pointer, write, stored), state);
    }

    ExpressionEngine engine() {
        return engine;
    }
}
