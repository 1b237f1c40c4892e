package dev.cemap.analyzer.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IArrayType;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IEnumerator;
import org.eclipse.cdt.core.dom.ast.IField;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.IValue;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTDeleteExpression;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTNewExpression;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPField;
import org.eclipse.cdt.internal.core.dom.parser.c.CVisitor;
import org.eclipse.cdt.internal.core.dom.parser.cpp.semantics.CPPVisitor;

/**
 * Evaluates C/C++ expressions to {@link Value}s over the macro-expanded AST: literals, macros
 * (already expanded by the preprocessor), casts, arithmetic, shifts, division, enumerators,
 * {@code const} variables, {@code sizeof} of simple types, and storage tracked by the replay.
 * Assignments and calls go through the {@link Environment}, so evaluating a statement performs
 * its effects. Whatever it cannot know is {@link Value#unknown()}.
 */
public final class ExpressionEvaluator {

    private static final int MAX_CONST_DEPTH = 16;

    private final Environment environment;
    private final Set<IBinding> constantsInProgress = new HashSet<>();
    private Map<IASTExpression, Value> recorded;

    public ExpressionEvaluator(Environment environment) {
        this.environment = environment;
    }

    public Value evaluate(IASTInitializerClause clause) {
        if (clause instanceof IASTExpression expression) {
            Value value;
            try {
                value = evaluateExpression(expression);
            } catch (RuntimeException | StackOverflowError e) {
                // CDT type resolution can fail on broken code; an unknown value is the honest answer.
                value = Value.unknown();
            }
            if (recorded != null) {
                recorded.put(expression, value);
            }
            return value;
        }
        return Value.unknown();
    }

    /**
     * Evaluates a condition once, performing its calls, and returns the value of every
     * sub-expression: the replay reads them to decide what each branch implies without
     * evaluating (and calling) again.
     */
    public Map<IASTExpression, Value> evaluateRecording(IASTExpression expression) {
        Map<IASTExpression, Value> values = new IdentityHashMap<>();
        Map<IASTExpression, Value> outer = recorded;
        recorded = values;
        try {
            evaluate(expression);
        } finally {
            recorded = outer;
        }
        return values;
    }

    /** The storage an lvalue expression denotes, when the replay can name it. */
    public Optional<StorageKey> storageOf(IASTExpression expression) {
        IASTExpression target = stripParentheses(expression);
        if (target instanceof IASTIdExpression id) {
            IBinding binding = id.getName().resolveBinding();
            if (binding instanceof ICPPField field && !field.isStatic()) {
                return Optional.of(new StorageKey.Field(new StorageKey.This(), field.getName()));
            }
            if (binding instanceof IVariable variable && !(binding instanceof IProblemBinding)) {
                return Optional.of(keyOf(variable));
            }
            return Optional.empty();
        }
        if (target instanceof IASTFieldReference field) {
            Optional<StorageKey> owner = ownerKey(field.getFieldOwner());
            return owner.map(o -> new StorageKey.Field(o, field.getFieldName().toString()));
        }
        if (target instanceof IASTArraySubscriptExpression subscript) {
            Optional<StorageKey> owner = storageOf(subscript.getArrayExpression());
            Value index = evaluate(subscript.getArgument());
            if (owner.isPresent() && index.isKnown()) {
                return Optional.of(new StorageKey.Element(owner.get(), index.longValue()));
            }
            return Optional.empty();
        }
        if (target instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_star) {
            return storageOf(unary.getOperand()).map(o -> new StorageKey.Element(o, 0));
        }
        return Optional.empty();
    }

    /** Locals and parameters by binding; everything with static storage by name. */
    public static StorageKey keyOf(IVariable variable) {
        return isLocal(variable) || variable instanceof org.eclipse.cdt.core.dom.ast.IParameter
                ? new StorageKey.Variable(variable) : new StorageKey.Global(variable.getName());
    }

    private Optional<StorageKey> ownerKey(IASTExpression owner) {
        IASTExpression target = stripParentheses(owner);
        if (target instanceof IASTLiteralExpression literal && literal.getKind() == IASTLiteralExpression.lk_this) {
            return Optional.of(new StorageKey.This());
        }
        return storageOf(target);
    }

    private Value evaluateExpression(IASTExpression expression) {
        if (expression instanceof IASTLiteralExpression literal) {
            return literal(literal);
        }
        if (expression instanceof IASTIdExpression id) {
            return identifier(id);
        }
        if (expression instanceof IASTUnaryExpression unary) {
            return unary(unary);
        }
        if (expression instanceof IASTBinaryExpression binary) {
            return binary(binary);
        }
        if (expression instanceof IASTCastExpression cast) {
            return cast(cast);
        }
        if (expression instanceof IASTTypeIdExpression typeId) {
            return typeIdExpression(typeId);
        }
        if (expression instanceof IASTFunctionCallExpression call) {
            return call(call);
        }
        if (expression instanceof IASTFieldReference field) {
            return fieldReference(field);
        }
        if (expression instanceof IASTArraySubscriptExpression subscript) {
            evaluate(subscript.getArrayExpression()); // for the effects of calls inside
            return readStorage(subscript).orElse(Value.unknown());
        }
        if (expression instanceof IASTConditionalExpression conditional) {
            return conditional(conditional);
        }
        if (expression instanceof IASTExpressionList list) {
            Value last = Value.unknown();
            for (IASTExpression item : list.getExpressions()) {
                last = evaluate(item);
            }
            return last;
        }
        if (expression instanceof ICPPASTNewExpression) {
            return Value.pointingTo(new Pointee.Heap("new"));
        }
        if (expression instanceof ICPPASTDeleteExpression delete) {
            evaluate(delete.getOperand());
            environment.destroy(delete.getOperand());
            return Value.unknown();
        }
        return Value.unknown();
    }

    private Value literal(IASTLiteralExpression literal) {
        String text = String.valueOf(literal.getValue());
        return switch (literal.getKind()) {
            case IASTLiteralExpression.lk_integer_constant -> Value.of(IntegerLiterals.parseInteger(text));
            case IASTLiteralExpression.lk_char_constant -> Value.of(IntegerLiterals.parseCharacter(text));
            case IASTLiteralExpression.lk_true -> Value.of(1);
            case IASTLiteralExpression.lk_false, IASTLiteralExpression.lk_nullptr -> Value.of(0);
            default -> Value.unknown();
        };
    }

    private Value identifier(IASTIdExpression id) {
        IBinding binding = id.getName().resolveBinding();
        if (binding instanceof IEnumerator enumerator) {
            return numberOf(enumerator.getValue());
        }
        if (!(binding instanceof IVariable variable) || binding instanceof IProblemBinding) {
            return Value.unknown();
        }
        Optional<Value> stored = readStorage(id);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (isLocal(variable) && TypeSizes.unwrap(variable.getType()) instanceof IArrayType) {
            return Value.pointingTo(new Pointee.Stack(variable.getName())); // an array decays to its address
        }
        if (isConst(variable.getType()) && !(binding instanceof IField)) {
            return constantInitializer(id.getTranslationUnit(), variable);
        }
        return Value.unknown();
    }

    private Optional<Value> readStorage(IASTExpression expression) {
        return storageOf(expression).map(environment::read);
    }

    private Value fieldReference(IASTFieldReference field) {
        String name = field.getFieldName().toString();
        Optional<StorageKey> key = storageOf(field);
        if (key.isEmpty()) {
            evaluate(field.getFieldOwner());
            return isLargeIntegerPart(name) ? Value.unknown().asPhysicalAddressField() : Value.unknown();
        }
        Value stored = environment.read(key.get());
        if (stored != null) {
            return isLargeIntegerPart(name) ? stored.asPhysicalAddressField() : stored;
        }
        if (isLargeIntegerPart(name)) {
            StorageKey.Field fieldKey = (StorageKey.Field) key.get();
            return largeIntegerPart(fieldKey.owner(), name).asPhysicalAddressField();
        }
        return Value.unknown();
    }

    /** LowPart, HighPart and QuadPart overlay each other in a LARGE_INTEGER / PHYSICAL_ADDRESS. */
    private Value largeIntegerPart(StorageKey owner, String part) {
        Value quad = environment.read(new StorageKey.Field(owner, "QuadPart"));
        Value low = environment.read(new StorageKey.Field(owner, "LowPart"));
        Value high = environment.read(new StorageKey.Field(owner, "HighPart"));
        switch (part) {
            case "LowPart":
                return quad != null && quad.isKnown() ? Value.of(quad.longValue() & 0xFFFFFFFFL) : Value.unknown();
            case "HighPart":
                return quad != null && quad.isKnown() ? Value.of(quad.longValue() >>> 32) : Value.unknown();
            default:
                if (low != null && low.isKnown() && high != null && high.isKnown()) {
                    return Value.of((high.longValue() << 32) | (low.longValue() & 0xFFFFFFFFL));
                }
                return Value.unknown();
        }
    }

    static boolean isLargeIntegerPart(String name) {
        return name.equals("LowPart") || name.equals("HighPart") || name.equals("QuadPart");
    }

    private Value unary(IASTUnaryExpression unary) {
        int operator = unary.getOperator();
        IASTExpression operand = unary.getOperand();
        switch (operator) {
            case IASTUnaryExpression.op_bracketedPrimary:
                return evaluate(operand);
            case IASTUnaryExpression.op_sizeof:
                return operand == null ? Value.unknown() : Value.of(TypeSizes.sizeOf(operand.getExpressionType()));
            case IASTUnaryExpression.op_amper:
                return addressOf(operand);
            case IASTUnaryExpression.op_prefixIncr:
            case IASTUnaryExpression.op_prefixDecr:
            case IASTUnaryExpression.op_postFixIncr:
            case IASTUnaryExpression.op_postFixDecr:
                return increment(unary);
            default:
                break;
        }
        Value value = evaluate(operand);
        if (operator == IASTUnaryExpression.op_star) {
            return readStorage(unary).orElse(Value.unknown());
        }
        if (operator == IASTUnaryExpression.op_not && !value.isKnown()) {
            return symbolOf(value).map(symbol -> Value.of(symbol.negate())).orElse(Value.unknown());
        }
        if (!value.isKnown()) {
            return Value.unknown();
        }
        long n = value.longValue();
        OptionalLong result = switch (operator) {
            case IASTUnaryExpression.op_minus -> OptionalLong.of(-n);
            case IASTUnaryExpression.op_plus -> OptionalLong.of(n);
            case IASTUnaryExpression.op_tilde -> OptionalLong.of(~n);
            case IASTUnaryExpression.op_not -> OptionalLong.of(n == 0 ? 1 : 0);
            default -> OptionalLong.empty();
        };
        return Value.of(truncate(result, unary.getExpressionType()));
    }

    private Value addressOf(IASTExpression operand) {
        IASTExpression target = stripParentheses(operand);
        IASTExpression base = target;
        while (base instanceof IASTArraySubscriptExpression subscript) {
            base = stripParentheses(subscript.getArrayExpression());
        }
        while (base instanceof IASTFieldReference field && !field.isPointerDereference()) {
            base = stripParentheses(field.getFieldOwner());
        }
        if (base instanceof IASTIdExpression id && id.getName().resolveBinding() instanceof IVariable variable
                && isLocal(variable) && !(variable instanceof IField)) {
            return Value.pointingTo(new Pointee.Stack(variable.getName()));
        }
        return Value.unknown();
    }

    private Value increment(IASTUnaryExpression unary) {
        Optional<StorageKey> key = storageOf(unary.getOperand());
        Value before = evaluate(unary.getOperand());
        long delta = unary.getOperator() == IASTUnaryExpression.op_prefixIncr
                || unary.getOperator() == IASTUnaryExpression.op_postFixIncr ? 1 : -1;
        Value after = add(before, Value.of(delta), unary.getOperand()::getExpressionType, unary::getExpressionType);
        key.ifPresent(k -> environment.write(k, after));
        boolean prefix = unary.getOperator() == IASTUnaryExpression.op_prefixIncr
                || unary.getOperator() == IASTUnaryExpression.op_prefixDecr;
        return prefix ? after : before;
    }

    private Value binary(IASTBinaryExpression binary) {
        int operator = binary.getOperator();
        if (operator == IASTBinaryExpression.op_assign) {
            Value value = evaluate(binary.getOperand2());
            storageOf(binary.getOperand1()).ifPresent(key -> environment.write(key, value));
            return value;
        }
        int compoundOperator = compoundToPlain(operator);
        if (compoundOperator >= 0) {
            Value left = evaluate(binary.getOperand1());
            Value right = evaluate(binary.getOperand2());
            Value value = arithmetic(compoundOperator, left, right, binary.getOperand1()::getExpressionType,
                    binary.getOperand1()::getExpressionType);
            storageOf(binary.getOperand1()).ifPresent(key -> environment.write(key, value));
            return value;
        }
        if (operator == IASTBinaryExpression.op_logicalAnd || operator == IASTBinaryExpression.op_logicalOr) {
            return shortCircuit(binary);
        }
        Value left = evaluate(binary.getOperand1());
        Value right = evaluate(binary.getOperand2());
        return arithmetic(operator, left, right, binary.getOperand1()::getExpressionType, binary::getExpressionType);
    }

    private Value shortCircuit(IASTBinaryExpression binary) {
        boolean and = binary.getOperator() == IASTBinaryExpression.op_logicalAnd;
        Value left = evaluate(binary.getOperand1());
        if (left.isKnown() && (left.longValue() != 0) != and) {
            return Value.of(and ? 0 : 1); // the right side is never evaluated, nor are its calls
        }
        Value right = evaluate(binary.getOperand2());
        if (left.isKnown() && right.isKnown()) {
            return Value.of(right.longValue() != 0 ? 1 : 0);
        }
        return Value.unknown();
    }

    /**
     * Types are passed as suppliers: CDT computes an expression's type from its whole subtree
     * without caching, so asking at every level of a deeply nested expression is quadratic.
     * They are only needed for pointer arithmetic and for truncating known results.
     */
    private Value arithmetic(int operator, Value left, Value right, Supplier<IType> leftType,
            Supplier<IType> resultType) {
        switch (operator) {
            case IASTBinaryExpression.op_plus:
                return add(left, right, leftType, resultType);
            case IASTBinaryExpression.op_minus:
                if (left.pointee().isPresent() && right.isKnown()) {
                    return add(left, Value.of(-right.longValue()), leftType, resultType);
                }
                return numeric(left, right, resultType, (a, b) -> a - b);
            case IASTBinaryExpression.op_shiftRight:
                return keepsMemory(left, shaped(numeric(left, right, resultType,
                        (a, b) -> b >= 0 && b < 64 ? a >>> b : 0), right, Shape.Kind.SHIFT_RIGHT, left));
            case IASTBinaryExpression.op_divide:
                return keepsMemory(left, shaped(right.isKnown() && right.longValue() == 0 ? Value.unknown()
                        : numeric(left, right, resultType, Long::divideUnsigned), right, Shape.Kind.DIVIDE, left));
            case IASTBinaryExpression.op_modulo:
                return right.isKnown() && right.longValue() == 0 ? Value.unknown()
                        : numeric(left, right, resultType, Long::remainderUnsigned);
            case IASTBinaryExpression.op_multiply:
                return numeric(left, right, resultType, (a, b) -> a * b);
            case IASTBinaryExpression.op_shiftLeft:
                return numeric(left, right, resultType, (a, b) -> b >= 0 && b < 64 ? a << b : 0);
            case IASTBinaryExpression.op_binaryAnd:
                return numeric(left, right, resultType, (a, b) -> a & b);
            case IASTBinaryExpression.op_binaryOr:
                return numeric(left, right, resultType, (a, b) -> a | b);
            case IASTBinaryExpression.op_binaryXor:
                return numeric(left, right, resultType, (a, b) -> a ^ b);
            case IASTBinaryExpression.op_equals:
                return nullTest(left, right, true).orElseGet(() -> compare(left, right, (a, b) -> a == b ? 1 : 0));
            case IASTBinaryExpression.op_notequals:
                return nullTest(left, right, false).orElseGet(() -> compare(left, right, (a, b) -> a != b ? 1 : 0));
            case IASTBinaryExpression.op_lessThan:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) < 0 ? 1 : 0);
            case IASTBinaryExpression.op_greaterThan:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) > 0 ? 1 : 0);
            case IASTBinaryExpression.op_lessEqual:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0);
            case IASTBinaryExpression.op_greaterEqual:
                return compare(left, right, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0);
            default:
                return Value.unknown();
        }
    }

    /** The truth a value stands for: its own symbol, or "not NULL" for a region pointer. */
    private static Optional<Symbol> symbolOf(Value value) {
        if (value.symbol().isPresent()) {
            return value.symbol();
        }
        if (value.pointee().orElse(null) instanceof Pointee.Region region) {
            return Optional.of(Symbol.notNull(region.regionId()));
        }
        return Optional.empty();
    }

    /** {@code p == NULL} / {@code p != NULL} on a region pointer, or on a symbol compared with 0. */
    private static Optional<Value> nullTest(Value left, Value right, boolean equals) {
        Value other = isPlainZero(right) ? left : isPlainZero(left) ? right : null;
        if (other == null || other.isKnown()) {
            return Optional.empty();
        }
        return symbolOf(other).map(symbol -> Value.of(equals ? symbol.negate() : symbol));
    }

    private static boolean isPlainZero(Value value) {
        return value.isKnown() && value.longValue() == 0 && value.pointee().isEmpty();
    }

    /** Pointer arithmetic keeps the pointee and scales by the element size, as C does. */
    private Value add(Value left, Value right, Supplier<IType> leftTypeSupplier, Supplier<IType> resultType) {
        Optional<Pointee> pointee = left.pointee();
        if (pointee.isPresent() && pointee.get() instanceof Pointee.Region region) {
            IType leftType = leftTypeSupplier.get();
            OptionalLong scale = TypeSizes.isPointer(leftType) ? TypeSizes.pointeeSize(leftType) : OptionalLong.of(1);
            OptionalLong offset = region.offset().isPresent() && right.isKnown() && scale.isPresent()
                    ? OptionalLong.of(region.offset().getAsLong() + right.longValue() * scale.getAsLong())
                    : OptionalLong.empty();
            return Value.pointingTo(region.withOffset(offset));
        }
        if (pointee.isPresent()) {
            return Value.pointingTo(pointee.get()); // still the same block of heap or stack
        }
        return numeric(left, right, resultType, (a, b) -> a + b);
    }

    /**
     * A physical address of kernel memory (AllocPhysMem's out-parameter) stays that memory when
     * shifted or divided for PAGE_PHYSICAL: rules must still know where it came from.
     */
    private static Value keepsMemory(Value operand, Value result) {
        return operand.pointee().orElse(null) instanceof Pointee.Heap heap ? result.withPointee(heap) : result;
    }

    private static Value shaped(Value result, Value amount, Shape.Kind kind, Value operand) {
        if (!amount.isKnown()) {
            return result;
        }
        Shape shape = kind == Shape.Kind.SHIFT_RIGHT ? Shape.shiftRight(amount.longValue(), operand)
                : Shape.divide(amount.longValue(), operand);
        return result.withShape(shape);
    }

    private static Value numeric(Value left, Value right, Supplier<IType> resultType, LongBinaryOperator operation) {
        if (!left.isKnown() || !right.isKnown()) {
            return Value.unknown();
        }
        return Value.of(truncate(OptionalLong.of(operation.applyAsLong(left.longValue(), right.longValue())),
                resultType.get()));
    }

    private static Value compare(Value left, Value right, LongBinaryOperator comparison) {
        // A tracked pointer has no number: compared with NULL the answer stays unknown, so
        // both branches of "if (pv == NULL)" are replayed.
        if (left.isKnown() && right.isKnown()) {
            return Value.of(comparison.applyAsLong(left.longValue(), right.longValue()));
        }
        return Value.unknown();
    }

    private Value cast(IASTCastExpression cast) {
        Value value = evaluate(cast.getOperand());
        IType type = cast.getExpressionType();
        if (!value.isKnown()) {
            return value;
        }
        return value.withNumber(truncate(value.number(), type));
    }

    private static OptionalLong truncate(OptionalLong number, IType type) {
        if (number.isEmpty() || type == null) {
            return number;
        }
        int bits;
        try {
            bits = TypeSizes.integerBits(type);
        } catch (RuntimeException e) {
            bits = 0;
        }
        if (bits <= 0 || bits >= 64) {
            return number;
        }
        return OptionalLong.of(number.getAsLong() & ((1L << bits) - 1));
    }

    private Value typeIdExpression(IASTTypeIdExpression expression) {
        if (expression.getOperator() != IASTTypeIdExpression.op_sizeof) {
            return Value.unknown();
        }
        IType type = expression.getTranslationUnit() != null
                && expression.getTranslationUnit().getLinkage().getLinkageID() == org.eclipse.cdt.core.dom.ILinkage.CPP_LINKAGE_ID
                ? CPPVisitor.createType(expression.getTypeId())
                : CVisitor.createType(expression.getTypeId().getAbstractDeclarator());
        return Value.of(TypeSizes.sizeOf(type));
    }

    private Value call(IASTFunctionCallExpression call) {
        List<Value> arguments = new ArrayList<>();
        for (IASTInitializerClause argument : call.getArguments()) {
            arguments.add(evaluate(argument));
        }
        return environment.call(call, calleeName(call), arguments);
    }

    /** The called function's simple name, or "" for calls through pointers. */
    public static String calleeName(IASTFunctionCallExpression call) {
        IASTExpression callee = stripParentheses(call.getFunctionNameExpression());
        if (callee instanceof IASTIdExpression id) {
            return id.getName().getLastName().toString();
        }
        if (callee instanceof IASTFieldReference field) {
            return field.getFieldName().getLastName().toString();
        }
        return "";
    }

    private Value conditional(IASTConditionalExpression conditional) {
        Value condition = evaluate(conditional.getLogicalConditionExpression());
        if (condition.isKnown()) {
            IASTExpression chosen = condition.longValue() != 0 ? conditional.getPositiveResultExpression()
                    : conditional.getNegativeResultExpression();
            return chosen == null ? condition : evaluate(chosen);
        }
        Value positive = conditional.getPositiveResultExpression() == null ? condition
                : evaluate(conditional.getPositiveResultExpression());
        Value negative = evaluate(conditional.getNegativeResultExpression());
        return positive.equals(negative) ? positive : Value.unknown();
    }

    private Value constantInitializer(IASTNode context, IVariable variable) {
        if (context == null || constantsInProgress.size() > MAX_CONST_DEPTH || !constantsInProgress.add(variable)) {
            return Value.unknown();
        }
        try {
            for (IASTName name : ((org.eclipse.cdt.core.dom.ast.IASTTranslationUnit) context).getDefinitionsInAST(variable)) {
                if (name.getParent() instanceof IASTDeclarator declarator
                        && declarator.getInitializer() instanceof IASTEqualsInitializer equals) {
                    return evaluate(equals.getInitializerClause());
                }
            }
            return numberOf(variable.getInitialValue());
        } finally {
            constantsInProgress.remove(variable);
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

    private static boolean isLocal(IVariable variable) {
        try {
            return variable.getOwner() instanceof IFunction && !variable.isStatic();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int compoundToPlain(int operator) {
        return switch (operator) {
            case IASTBinaryExpression.op_plusAssign -> IASTBinaryExpression.op_plus;
            case IASTBinaryExpression.op_minusAssign -> IASTBinaryExpression.op_minus;
            case IASTBinaryExpression.op_multiplyAssign -> IASTBinaryExpression.op_multiply;
            case IASTBinaryExpression.op_divideAssign -> IASTBinaryExpression.op_divide;
            case IASTBinaryExpression.op_moduloAssign -> IASTBinaryExpression.op_modulo;
            case IASTBinaryExpression.op_shiftLeftAssign -> IASTBinaryExpression.op_shiftLeft;
            case IASTBinaryExpression.op_shiftRightAssign -> IASTBinaryExpression.op_shiftRight;
            case IASTBinaryExpression.op_binaryAndAssign -> IASTBinaryExpression.op_binaryAnd;
            case IASTBinaryExpression.op_binaryOrAssign -> IASTBinaryExpression.op_binaryOr;
            case IASTBinaryExpression.op_binaryXorAssign -> IASTBinaryExpression.op_binaryXor;
            default -> -1;
        };
    }

    public static IASTExpression stripParentheses(IASTExpression expression) {
        IASTExpression current = expression;
        while (current instanceof IASTUnaryExpression unary
                && unary.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
            current = unary.getOperand();
        }
        return current;
    }
}
