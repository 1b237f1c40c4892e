package dev.cemap.analyzer.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IVariable;

/**
 * The initializer of each {@code const} variable a file's replays read. CDT finds a variable's
 * definitions by walking the whole translation unit, and a replay reads the same constants on
 * every path and in every wrapper it follows: each variable is looked up once per file. Held by
 * one thread's replays of one file.
 */
final class ConstantInitializers {

    private final Map<IVariable, Optional<IASTInitializerClause>> initializers = new IdentityHashMap<>();

    /** The initializer of the first definition of {@code variable} in {@code unit} that has one. */
    Optional<IASTInitializerClause> of(IASTTranslationUnit unit, IVariable variable) {
        return initializers.computeIfAbsent(variable, v -> find(unit, v));
    }

    private static Optional<IASTInitializerClause> find(IASTTranslationUnit unit, IVariable variable) {
        for (IASTName name : unit.getDefinitionsInAST(variable)) {
            if (name.getParent() instanceof IASTDeclarator declarator
                    && declarator.getInitializer() instanceof IASTEqualsInitializer equals) {
                return Optional.of(equals.getInitializerClause());
            }
        }
        return Optional.empty();
    }
}
