package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.TypeSizes;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ILinkage;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdExpression;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IEnumerator;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.IValue;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.internal.core.dom.parser.c.CVisitor;
import org.eclipse.cdt.internal.core.dom.parser.cpp.semantics.CPPVisitor;

/**
 * The values names have without the path's help: enumerators, {@code const} variables through
 * their initializers, {@code sizeof} of a type, the address of a local.
 */
final class Constants {

    private static final int MAX_CONST_DEPTH = 16;

    private final ExpressionEngine pureEngine;
    private final StorageNames names;
    private final ConstantInitializers initializers;
    private final Set<IBinding> inProgress = new HashSet<>();

    Constants(ExpressionEngine pureEngine, StorageNames names, ConstantInitializers initializers) {
        this.pureEngine = pureEngine;
        this.names = names;
        this.initializers = initializers;
    }

    /** A variable's value: stored on the path, else what it is as a constant or an array. */
    Value identifier(PathState state, IASTIdExpression id, Lvalues lvalues) {
        IBinding binding = id.getName().resolveBinding();
        if (binding instanceof IEnumerator enumerator) {
            return numberOf(enumerator.getValue());
        }
        if (!(binding instanceof IVariable variable) || binding instanceof IProblemBinding) {
            return Value.unknown();
        }
        Optional<Value> stored = lvalues.storageOf(state, id).map(state::read);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (isLocal(variable) && TypeSizes.isArray(variable.getType())) {
            return Value.pointingTo(new Pointee.Stack(variable.getName())); // an array decays to its address
        }
        if (TypeSizes.isArray(variable.getType())) {
            // A global or static table decays to the address of its first element, so that what is
            // stored through a pointer walking the table is stored in the table (a cache that outlives
            // the call), as table[0].pv would be.
            return lvalues.storageOf(state, id)
                    .map(table -> Value.pointingTo(new Pointee.Storage(new StorageKey.Element(table, 0))))
                    .orElse(Value.unknown());
        }
        if (isConst(variable.getType()) && !(binding instanceof IField)) {
            return constantInitializer(state, id.getTranslationUnit(), variable);
        }
        return Value.unknown();
    }

    /**
     * {@code &local} (or an element or member of it) is on the stack; {@code &g_device} and
     * {@code &pDev->regs} are storage the replay names; other addresses are unknown.
     */
    Value addressOf(PathState state, IASTExpression operand, Lvalues lvalues) {
        IASTExpression base = Lvalues.stripParentheses(operand);
        while (base instanceof IASTArraySubscriptExpression subscript) {
            base = Lvalues.stripParentheses(subscript.getArrayExpression());
        }
        while (base instanceof IASTFieldReference field && !field.isPointerDereference()) {
            base = Lvalues.stripParentheses(field.getFieldOwner());
        }
        Optional<StorageKey> key = lvalues.storageOf(state, operand);
        if (base instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof IVariable variable
                && isLocal(variable) && !(variable instanceof IField)) {
            return Value.pointingTo(new Pointee.Stack(variable.getName(), key.orElse(null)));
        }
        return key.map(k -> Value.pointingTo(new Pointee.Storage(k))).orElse(Value.unknown());
    }

    Value typeIdExpression(IASTTypeIdExpression expression) {
        if (expression.getOperator() != IASTTypeIdExpression.op_sizeof) {
            return Value.unknown();
        }
        IType type = expression.getTranslationUnit() != null
                && expression.getTranslationUnit().getLinkage().getLinkageID() == ILinkage.CPP_LINKAGE_ID
                ? CPPVisitor.createType(expression.getTypeId())
                : CVisitor.createType(expression.getTypeId().getAbstractDeclarator());
        return Value.of(TypeSizes.sizeOf(type));
    }

    private boolean isLocal(IVariable variable) {
        return names.keyOf(variable) instanceof dev.cemap.analyzer.eval.StorageKey.Local;
    }

    private Value constantInitializer(PathState state, IASTTranslationUnit unit, IVariable variable) {
        if (unit == null || inProgress.size() > MAX_CONST_DEPTH || !inProgress.add(variable)) {
            return Value.unknown();
        }
        try {
            Optional<IASTInitializerClause> initializer = initializers.of(unit, variable);
            if (initializer.isPresent()) {
                return pureEngine.peek(state, initializer.get());
            }
            return numberOf(variable.getInitialValue());
        } finally {
            inProgress.remove(variable);
        }
    }

    private static Value numberOf(IValue value) {
        if (value == null) {
            return Value.unknown();
        }
        Number number = value.numberValue();
        return number == null ? Value.unknown() : Value.of(number.longValue());
    }

    private static boolean isConst(IType type) {
        return type instanceof IQualifierType qualified && qualified.isConst();
    }
}
