package dev.cemap.analyzer.engine;

import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTCompositeTypeSpecifier;

/** Names of function definitions as a reader finds them. */
public final class FunctionNames {

    private FunctionNames() {
    }

    /** {@code Class::Method} for members, also those defined inside the class; the plain name otherwise. */
    public static String of(IASTFunctionDefinition definition) {
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

    /** The name without its class or namespace: {@code Init} for {@code CSerial::Init}. */
    public static String simple(String qualified) {
        int separator = qualified.lastIndexOf("::");
        return separator < 0 ? qualified : qualified.substring(separator + 2);
    }
}
