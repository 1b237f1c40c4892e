package dev.cemap.analyzer.engine;

import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;

/**
 * Finds the body of a function the code calls, in the same file or in another file of the scanned
 * tree, so that the replay can follow a wrapper with the caller's argument values.
 */
public interface DefinitionLookup {

    /** The definition of the function {@code call} calls, when the scanned sources have one. */
    Optional<IASTFunctionDefinition> definitionOf(IASTFunctionCallExpression call, String calleeName);

    /** The destructor {@code delete} runs for an object of this class, when the sources define one. */
    default Optional<IASTFunctionDefinition> destructorOf(ICPPClassType type) {
        return Optional.empty();
    }

    DefinitionLookup NONE = (call, name) -> Optional.empty();
}
