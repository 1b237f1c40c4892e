package dev.cemap.analyzer;

import dev.cemap.analyzer.engine.FunctionNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;

/**
 * The functions a translation unit defines in its own file (C++ members and namespaces
 * included), found in one walk of the unit and then looked up by binding or by name. A unit
 * holds its headers' declarations too, tens of thousands in a BSP: walking it again for every
 * call into the file was most of what a replay cost.
 */
public final class UnitDefinitions {

    private final List<IASTFunctionDefinition> definitions;
    /** The first definition of each simple name, in file order. */
    private final Map<String, IASTFunctionDefinition> bySimpleName = new HashMap<>();
    /** The first definition of each name as {@link FunctionNames#of} spells it, in file order. */
    private final Map<String, IASTFunctionDefinition> byName = new HashMap<>();

    private UnitDefinitions(List<IASTFunctionDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        for (IASTFunctionDefinition definition : this.definitions) {
            String name = FunctionNames.of(definition);
            byName.putIfAbsent(name, definition);
            bySimpleName.putIfAbsent(FunctionNames.simple(name), definition);
        }
    }

    public static UnitDefinitions of(IASTTranslationUnit unit) {
        List<IASTFunctionDefinition> found = new ArrayList<>();
        unit.accept(new ASTVisitor() {
            {
                shouldVisitDeclarations = true;
            }

            @Override
            public int visit(IASTDeclaration declaration) {
                // Header declarations are walked too: one left open by a macro the scan does not
                // know can hold the file's functions.
                if (declaration instanceof IASTFunctionDefinition definition) {
                    if (definition.isPartOfTranslationUnitFile()) {
                        found.add(definition);
                    }
                    return PROCESS_SKIP; // a function body holds no further definitions to replay
                }
                return PROCESS_CONTINUE;
            }
        });
        return new UnitDefinitions(found);
    }

    /** In file order. */
    public List<IASTFunctionDefinition> all() {
        return definitions;
    }

    /** The definition whose name resolves to {@code binding}, the first in file order. */
    public Optional<IASTFunctionDefinition> boundTo(IBinding binding) {
        if (binding == null) {
            return Optional.empty();
        }
        // Compared one by one as CDT compares bindings: a template instance equals others
        // without hashing alike.
        for (IASTFunctionDefinition definition : definitions) {
            if (binding.equals(definition.getDeclarator().getName().resolveBinding())) {
                return Optional.of(definition);
            }
        }
        return Optional.empty();
    }

    /** The first definition whose simple name (without class or namespace) is {@code simpleName}. */
    public Optional<IASTFunctionDefinition> withSimpleName(String simpleName) {
        return Optional.ofNullable(bySimpleName.get(simpleName));
    }

    /** The first definition, in file order, named one of {@code names} as {@link FunctionNames#of} spells them. */
    public Optional<IASTFunctionDefinition> firstNamed(Collection<String> names) {
        IASTFunctionDefinition first = null;
        int firstIndex = Integer.MAX_VALUE;
        for (String name : names) {
            IASTFunctionDefinition candidate = byName.get(name);
            if (candidate != null && definitions.indexOf(candidate) < firstIndex) {
                first = candidate;
                firstIndex = definitions.indexOf(candidate);
            }
        }
        return Optional.ofNullable(first);
    }

    /** The destructor of this class defined in the file, if any. */
    public Optional<IASTFunctionDefinition> destructorOf(ICPPClassType type) {
        return definitions.stream().filter(d -> d.getDeclarator().getName().resolveBinding() instanceof ICPPMethod method
                && method.isDestructor() && type.isSameType(method.getClassOwner())).findFirst();
    }
}
