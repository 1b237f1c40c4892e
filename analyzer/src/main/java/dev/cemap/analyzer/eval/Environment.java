package dev.cemap.analyzer.eval;

import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;

/**
 * The evaluator's view of the replay: values of storage, and the effect of a call. The replay
 * implements it; the evaluator stays a pure function of the expression and this view.
 */
public interface Environment {

    /** The value stored at {@code key}, or null when the replay has not seen it written. */
    Value read(StorageKey key);

    /** Records an assignment; keys reached through {@code key} are forgotten. */
    void write(StorageKey key, Value value);

    /** Runs what {@code delete object} runs: the class's destructor. */
    default void destroy(IASTExpression object) {
    }

    /** Performs a call whose arguments have been evaluated in order, and returns its result. */
    Value call(IASTFunctionCallExpression call, String functionName, List<Value> arguments);
}
