package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.TypeSizes;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTConstructorInitializer;

/**
 * Local declarations: each declared variable becomes a local of the body being walked, holding
 * its initializer's value, or nothing known when it has none.
 */
final class Declarations {

    /** {@code PHYSICAL_ADDRESS pa = { low, high }} fills the parts in this order. */
    private static final String[] LARGE_INTEGER_PARTS = {"LowPart", "HighPart"};

    private final ReplaySession session;
    private final ExpressionEngine engine;
    private final Frame frame;

    Declarations(ReplaySession session, ExpressionEngine engine, Frame frame) {
        this.session = session;
        this.engine = engine;
        this.frame = frame;
    }

    List<PathState> declare(List<PathState> paths, IASTDeclaration declaration) {
        if (!(declaration instanceof IASTSimpleDeclaration simple)) {
            return paths;
        }
        List<PathState> live = paths;
        String type = simple.getDeclSpecifier().getRawSignature();
        for (IASTDeclarator declarator : simple.getDeclarators()) {
            IBinding binding = declarator.getName().resolveBinding();
            if (binding == null || binding instanceof IProblemBinding || binding instanceof IFunction
                    || !(binding instanceof IVariable variable)) {
                continue;
            }
            StorageKey key = session.names.keyOf(variable);
            if (key instanceof StorageKey.Local) {
                declareLocal(key, variable);
            }
            List<PathState> next = new ArrayList<>();
            for (PathState state : live) {
                next.addAll(initialize(state, key, declarator.getInitializer(), type));
            }
            live = Outcomes.boundedPaths(next);
        }
        return live;
    }

    /** Records a parameter or local of the frame. */
    void declareLocal(StorageKey key, IVariable variable) {
        frame.locals.add(key);
        if (isPointer(variable)) {
            frame.pointerLocals.add(key);
        }
    }

    private List<PathState> initialize(PathState state, StorageKey key, IASTInitializer initializer, String type) {
        if (initializer instanceof IASTEqualsInitializer equals) {
            IASTInitializerClause clause = equals.getInitializerClause();
            if (clause instanceof IASTInitializerList list) {
                return initializerList(state, key, list, type);
            }
            return bindEach(engine.evaluate(state, clause), key, type);
        }
        if (initializer instanceof ICPPASTConstructorInitializer constructor
                && constructor.getArguments().length == 1) {
            return bindEach(engine.evaluate(state, constructor.getArguments()[0]), key, type);
        }
        if (initializer == null) {
            session.bind(state, key, Value.unknown(), Bind.Kind.DECLARED_UNINITIALIZED, type);
        }
        return List.of(state);
    }

    private List<PathState> bindEach(List<Evaluated> outcomes, StorageKey key, String type) {
        List<PathState> paths = new ArrayList<>(outcomes.size());
        for (Evaluated outcome : outcomes) {
            session.bind(outcome.state(), key, outcome.value(), Bind.Kind.DECLARED, type);
            paths.add(outcome.state());
        }
        return paths;
    }

    /** {@code PHYSICAL_ADDRESS pa = { 0x7F005400, 0 };} fills LowPart, HighPart; {@code = { 0 }} zero-fills. */
    private List<PathState> initializerList(PathState state, StorageKey key, IASTInitializerList list, String type) {
        session.bind(state, key, Value.unknown(), Bind.Kind.FORGOTTEN, type);
        IASTInitializerClause[] clauses = list.getClauses();
        List<Evaluated> outcomes = List.of(new Evaluated(state, Value.unknown()));
        for (int i = 0; i < clauses.length; i++) {
            int index = i;
            outcomes = Outcomes.then(outcomes, (s, ignored) -> {
                List<Evaluated> values = engine.evaluate(s, clauses[index]);
                for (Evaluated value : values) {
                    if (index < LARGE_INTEGER_PARTS.length && value.value().isKnown()) {
                        session.bind(value.state(), new StorageKey.Field(key, LARGE_INTEGER_PARTS[index]), value.value(),
                                Bind.Kind.DECLARED, type);
                    }
                }
                return values;
            });
        }
        List<PathState> paths = new ArrayList<>();
        for (Evaluated outcome : outcomes) {
            if (clauses.length == 1) {
                session.bind(outcome.state(), new StorageKey.Field(key, "HighPart"), Value.of(0), Bind.Kind.DECLARED,
                        type);
            }
            paths.add(outcome.state());
        }
        return paths;
    }

    private static boolean isPointer(IVariable variable) {
        try {
            return TypeSizes.isPointer(variable.getType());
        } catch (RuntimeException e) {
            return true;
        }
    }
}
