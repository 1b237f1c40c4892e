package dev.cemap.analyzer.frontend;

import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.internal.core.dom.parser.c.ICInternalBinding;
import org.eclipse.cdt.internal.core.dom.parser.cpp.ICPPInternalBinding;

/**
 * The file a binding is declared in, from the parse: two {@code static} variables of the same
 * name in two files are two variables, and a mapping a library keeps in its own static is that
 * library's, not its caller's.
 */
public final class DeclaringFile {

    private DeclaringFile() {
    }

    /**
     * For a variable with internal linkage (a file-scope or function {@code static}), the file it is
     * declared in; empty for a variable with external linkage, which is one variable in every file.
     */
    public static Optional<String> scopeOf(IVariable variable) {
        try {
            boolean internal = variable.isStatic() && !(variable.getOwner() instanceof org.eclipse.cdt.core.dom.ast.ICompositeType);
            if (!internal && !(variable.getOwner() instanceof IFunction)) {
                return Optional.empty();
            }
            return of(variable);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file of the binding's definition, else of its first declaration. */
    public static Optional<String> of(IBinding binding) {
        IASTNode node = null;
        if (binding instanceof ICPPInternalBinding cpp) {
            node = firstOf(cpp.getDefinition(), cpp.getDeclarations());
        } else if (binding instanceof ICInternalBinding c) {
            node = firstOf(c.getDefinition(), c.getDeclarations());
        }
        IASTFileLocation location = node == null ? null : node.getFileLocation();
        return location == null ? Optional.empty() : Optional.of(location.getFileName());
    }

    private static IASTNode firstOf(IASTNode definition, IASTNode[] declarations) {
        if (definition != null) {
            return definition;
        }
        return declarations == null || declarations.length == 0 ? null : declarations[0];
    }
}
