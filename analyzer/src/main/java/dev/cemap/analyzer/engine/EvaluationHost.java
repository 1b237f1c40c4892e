package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.state.PathState;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;

/**
 * What the expression engine needs from the replay around it: how calls behave, what
 * {@code delete} runs, and where stores go (so that checkers see them).
 */
public interface EvaluationHost {

    StorageNames names();

    /** Where the engine keeps the initializers of the constants it reads; one per engine unless shared. */
    default ConstantInitializers constantInitializers() {
        return new ConstantInitializers();
    }

    /** Performs a call whose arguments were evaluated in order; its outcomes. */
    List<Evaluated> call(PathState state, IASTFunctionCallExpression call, String callee, List<Argument> arguments);

    /** Runs what {@code delete object} runs: the class's destructor. */
    List<PathState> destroy(PathState state, IASTExpression object);

    /** A new heap block for {@code new}; 0 when blocks are not followed. */
    int newHeapBlock();

    /** Stores a value. */
    void bind(PathState state, StorageKey key, Value value, Bind.Kind kind, String declaredType);

    /** True when a checker wants to hear of reads and writes through region pointers. */
    default boolean watchesAccesses() {
        return false;
    }

    /**
     * A read or write through a pointer into a region: {@code p->f}, {@code *p}, {@code p[i]};
     * {@code stored} is the value a write stores, unknown for reads and where it is not known.
     */
    default void access(PathState state, IASTExpression expression, Value pointer, boolean write, Value stored) {
    }

    /** A host for constant expressions: no calls, stores kept on the state. */
    static EvaluationHost constants() {
        StorageNames names = new StorageNames();
        return new EvaluationHost() {
            @Override
            public StorageNames names() {
                return names;
            }

            @Override
            public List<Evaluated> call(PathState state, IASTFunctionCallExpression call, String callee,
                    List<Argument> arguments) {
                return List.of(new Evaluated(state, Value.unknown()));
            }

            @Override
            public List<PathState> destroy(PathState state, IASTExpression object) {
                return List.of(state);
            }

            @Override
            public int newHeapBlock() {
                return 0;
            }

            @Override
            public void bind(PathState state, StorageKey key, Value value, Bind.Kind kind, String declaredType) {
                state.write(key, value);
            }
        };
    }
}
