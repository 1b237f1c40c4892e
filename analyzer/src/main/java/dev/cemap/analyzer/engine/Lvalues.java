package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPField;

/**
 * Names the storage an lvalue expression denotes: a variable, {@code p->f} and {@code s.f} (the
 * replay does not tell them apart), {@code a[i]} with a known index, {@code *p}, and plain member
 * names inside C++ methods as fields of {@code this}. Naming never changes the path.
 */
final class Lvalues {

    private final StorageNames names;
    private final ExpressionEngine pureEngine;

    Lvalues(StorageNames names, ExpressionEngine pureEngine) {
        this.names = names;
        this.pureEngine = pureEngine;
    }

    ExpressionEngine pureEngine() {
        return pureEngine;
    }

    Optional<StorageKey> storageOf(PathState state, IASTExpression expression) {
        IASTExpression target = stripParentheses(expression);
        if (target instanceof IASTIdExpression id) {
            IBinding binding = id.getName().resolveBinding();
            if (binding instanceof ICPPField field && !field.isStatic()) {
                return Optional.of(new StorageKey.Field(new StorageKey.This(), field.getName()));
            }
            if (binding instanceof IVariable variable && !(binding instanceof IProblemBinding)) {
                return Optional.of(names.keyOf(variable));
            }
            return Optional.empty();
        }
        if (target instanceof IASTFieldReference field) {
            Optional<StorageKey> owner = ownerKey(state, field.getFieldOwner());
            if (field.isPointerDereference()) {
                owner = owner.map(pointer -> pointedTo(state, pointer));
            }
            return owner.map(o -> new StorageKey.Field(o, field.getFieldName().toString()));
        }
        if (target instanceof IASTArraySubscriptExpression subscript) {
            Optional<StorageKey> owner = storageOf(state, subscript.getArrayExpression())
                    .map(pointer -> pointedTo(state, pointer));
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            Value index = pureEngine.peek(state, subscript.getArgument());
            return index.isKnown() ? Optional.of(new StorageKey.Element(owner.get(), index.longValue()))
                    : Optional.empty();
        }
        if (target instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_star) {
            return storageOf(state, unary.getOperand()).map(o -> new StorageKey.Element(pointedTo(state, o), 0));
        }
        return Optional.empty();
    }

    /**
     * Where {@code p->f} lives: in the object {@code p} points to when the path knows it (a heap
     * block, {@code &g_device}), so that every alias reaches the same storage; else under {@code p}.
     */
    static StorageKey pointedTo(PathState state, StorageKey pointer) {
        if (pointer instanceof StorageKey.This) {
            return pointer;
        }
        Value value = state.read(pointer);
        return value == null ? pointer : Pointee.objectOf(value).orElse(pointer);
    }

    /** The storage whose address an argument is: {@code x} for {@code &x} or {@code (LPBYTE)&x}. */
    Optional<StorageKey> addressed(PathState state, IASTExpression expression) {
        IASTExpression e = stripCasts(expression);
        if (e instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_amper) {
            return storageOf(state, unary.getOperand());
        }
        return Optional.empty();
    }

    private Optional<StorageKey> ownerKey(PathState state, IASTExpression owner) {
        IASTExpression target = stripCasts(owner); // ((PDEV)hContext)->pRegs: the cast names the same pointer
        if (target instanceof IASTLiteralExpression literal && literal.getKind() == IASTLiteralExpression.lk_this) {
            return Optional.of(new StorageKey.This());
        }
        return storageOf(state, target);
    }

    static IASTExpression stripParentheses(IASTExpression expression) {
        IASTExpression current = expression;
        while (current instanceof IASTUnaryExpression unary
                && unary.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
            current = unary.getOperand();
        }
        return current;
    }

    static IASTExpression stripCasts(IASTExpression expression) {
        IASTExpression current = stripParentheses(expression);
        while (current instanceof IASTCastExpression cast) {
            current = stripParentheses(cast.getOperand());
        }
        return current;
    }
}
