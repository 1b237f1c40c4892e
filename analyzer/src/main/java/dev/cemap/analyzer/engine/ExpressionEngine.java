package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.eval.IntegerLiterals;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.TypeSizes;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.analyzer.summary.EffectExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTDeleteExpression;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTNewExpression;

/**
 * Evaluates C/C++ expressions on a path, giving each outcome: the path after the expression and
 * its {@link Value}. Literals, macros (expanded by the preprocessor), casts, arithmetic, shifts,
 * enumerators, {@code const} variables and {@code sizeof} give numbers; stores go through the
 * host, and so do calls. An expression forks the path where C decides at run time: {@code &&},
 * {@code ||} and {@code ?:} on values the path does not know, and calls whose callee returns on
 * several paths. Whatever it cannot know is {@link Value#unknown()}.
 *
 * <p>A pure engine ({@link #pure}) evaluates without effects and without forking, for naming
 * storage and for constant expressions.
 */
public final class ExpressionEngine {

    /** CEDDK's register and port accessors: their first argument is accessed. */
    private static final Pattern REGISTER_ACCESSOR = Pattern.compile(
            "(READ|WRITE)_(?:REGISTER|PORT)_(?:UCHAR|USHORT|ULONG|BUFFER_UCHAR|BUFFER_USHORT|BUFFER_ULONG)");

    private final EvaluationHost host;
    private final boolean pure;
    private final Lvalues lvalues;
    private final Constants constants;

    private ExpressionEngine(EvaluationHost host, boolean pure, ExpressionEngine pureEngine) {
        this.host = host;
        this.pure = pure;
        ExpressionEngine withoutEffects = pure ? this : pureEngine;
        this.lvalues = new Lvalues(host.names(), withoutEffects);
        this.constants = pure ? new Constants(this, host.names(), host.constantInitializers()) : pureEngine.constants;
    }

    /** An engine that performs the expression's effects through {@code host}. */
    public static ExpressionEngine of(EvaluationHost host) {
        return new ExpressionEngine(host, false, new ExpressionEngine(host, true, null));
    }

    /** An engine that only computes values: no stores, no calls, no forks. */
    public static ExpressionEngine pure(EvaluationHost host) {
        return new ExpressionEngine(host, true, null);
    }

    /** Every outcome of evaluating {@code clause} on {@code state}, which the engine takes over. */
    public List<Evaluated> evaluate(PathState state, IASTInitializerClause clause) {
        if (!(clause instanceof IASTExpression expression)) {
            return single(state, Value.unknown());
        }
        try {
            return expression(state, expression);
        } catch (RuntimeException | StackOverflowError e) {
            // CDT type resolution can fail on broken code; an unknown value is the honest answer.
            return single(state, Value.unknown());
        }
    }

    /** The value of an expression on this path, without performing its effects. */
    public Value peek(PathState state, IASTInitializerClause clause) {
        ExpressionEngine engine = pure ? this : lvalues.pureEngine();
        return engine.evaluate(state, clause).get(0).value();
    }

    public Optional<StorageKey> storageOf(PathState state, IASTExpression expression) {
        return lvalues.storageOf(state, expression);
    }

    private List<Evaluated> expression(PathState state, IASTExpression expression) {
        if (expression instanceof IASTLiteralExpression literal) {
            return single(state, literal(literal));
        }
        if (expression instanceof IASTIdExpression id) {
            return single(state, constants.identifier(state, id, lvalues));
        }
        if (expression instanceof IASTUnaryExpression unary) {
            return unary(state, unary);
        }
        if (expression instanceof IASTBinaryExpression binary) {
            return binary(state, binary);
        }
        if (expression instanceof IASTCastExpression cast) {
            return Outcomes.then(evaluate(state, cast.getOperand()), (s, value) -> single(s, value.isKnown()
                    ? value.withNumber(Arithmetic.truncate(value.number(), cast.getExpressionType())) : value));
        }
        if (expression instanceof IASTTypeIdExpression typeId) {
            return single(state, constants.typeIdExpression(typeId));
        }
        if (expression instanceof IASTFunctionCallExpression call) {
            return call(state, call);
        }
        if (expression instanceof IASTFieldReference field) {
            noteAccess(state, field, false, Value.unknown());
            return fieldReference(state, field);
        }
        if (expression instanceof IASTArraySubscriptExpression subscript) {
            noteAccess(state, subscript, false, Value.unknown());
            return Outcomes.then(evaluate(state, subscript.getArrayExpression()),
                    (s, array) -> single(s, read(s, subscript).orElse(Value.unknown())));
        }
        if (expression instanceof IASTConditionalExpression conditional) {
            return conditional(state, conditional);
        }
        if (expression instanceof IASTExpressionList list) {
            List<Evaluated> outcomes = single(state, Value.unknown());
            for (IASTExpression item : list.getExpressions()) {
                outcomes = Outcomes.then(outcomes, (s, ignored) -> evaluate(s, item));
            }
            return outcomes;
        }
        if (expression instanceof ICPPASTNewExpression created) {
            return newObject(state, created);
        }
        if (expression instanceof ICPPASTDeleteExpression delete) {
            if (pure) {
                return single(state, Value.unknown());
            }
            return Outcomes.then(evaluate(state, delete.getOperand()), (s, ignored) ->
                    host.destroy(s, delete.getOperand()).stream().map(after -> new Evaluated(after, Value.unknown()))
                            .toList());
        }
        return single(state, Value.unknown());
    }

    /** {@code new T(args)}: heap memory; the constructor may keep what it is given. */
    private List<Evaluated> newObject(PathState state, ICPPASTNewExpression created) {
        List<Evaluated> outcomes = single(state, Value.unknown());
        for (IASTExpression argument : EffectExtractor.constructorArguments(created)) {
            outcomes = Outcomes.then(outcomes, (s, ignored) -> Outcomes.then(evaluate(s, argument), (after, value) -> {
                if (!pure && value.pointee().orElse(null) instanceof Pointee.Region region) {
                    after.escape(region.regionId());
                }
                return single(after, Value.unknown());
            }));
        }
        return Outcomes.then(outcomes, (s, ignored) -> single(s,
                Value.pointingTo(new Pointee.Heap("new", pure ? 0 : host.newHeapBlock()))));
    }

    private static Value literal(IASTLiteralExpression literal) {
        String text = String.valueOf(literal.getValue());
        return switch (literal.getKind()) {
            case IASTLiteralExpression.lk_integer_constant -> Value.of(IntegerLiterals.parseInteger(text));
            case IASTLiteralExpression.lk_char_constant -> Value.of(IntegerLiterals.parseCharacter(text));
            case IASTLiteralExpression.lk_true -> Value.of(1);
            case IASTLiteralExpression.lk_false, IASTLiteralExpression.lk_nullptr -> Value.of(0);
            default -> Value.unknown();
        };
    }

    Optional<Value> read(PathState state, IASTExpression expression) {
        return lvalues.storageOf(state, expression).map(state::read);
    }

    private List<Evaluated> fieldReference(PathState state, IASTFieldReference field) {
        String name = field.getFieldName().toString();
        Optional<StorageKey> key = lvalues.storageOf(state, field);
        if (key.isEmpty()) {
            return Outcomes.then(evaluate(state, field.getFieldOwner()), (s, owner) -> single(s,
                    LargeIntegers.isPart(name) ? Value.unknown().asPhysicalAddressField() : Value.unknown()));
        }
        Value stored = state.read(key.get());
        if (stored != null) {
            return single(state, LargeIntegers.isPart(name) ? stored.asPhysicalAddressField() : stored);
        }
        if (LargeIntegers.isPart(name)) {
            StorageKey.Field fieldKey = (StorageKey.Field) key.get();
            return single(state, LargeIntegers.part(state, fieldKey.owner(), name).asPhysicalAddressField());
        }
        return single(state, Value.unknown());
    }

    private List<Evaluated> unary(PathState state, IASTUnaryExpression unary) {
        int operator = unary.getOperator();
        IASTExpression operand = unary.getOperand();
        switch (operator) {
            case IASTUnaryExpression.op_bracketedPrimary:
                return evaluate(state, operand);
            case IASTUnaryExpression.op_sizeof:
                return single(state, operand == null ? Value.unknown()
                        : Value.of(TypeSizes.sizeOf(operand.getExpressionType())));
            case IASTUnaryExpression.op_amper:
                return single(state, constants.addressOf(state, operand, lvalues));
            case IASTUnaryExpression.op_prefixIncr:
            case IASTUnaryExpression.op_prefixDecr:
            case IASTUnaryExpression.op_postFixIncr:
            case IASTUnaryExpression.op_postFixDecr:
                return increment(state, unary);
            default:
                break;
        }
        return Outcomes.then(evaluate(state, operand), (s, value) -> single(s, unaryValue(s, unary, value)));
    }

    private Value unaryValue(PathState state, IASTUnaryExpression unary, Value value) {
        int operator = unary.getOperator();
        if (operator == IASTUnaryExpression.op_star) {
            noteAccess(state, unary, false, Value.unknown());
            return read(state, unary).orElse(Value.unknown());
        }
        if (operator == IASTUnaryExpression.op_not && !value.isKnown()) {
            return Assumptions.symbolOf(value).map(symbol -> Value.of(symbol.negate())).orElse(Value.unknown());
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
        return Value.of(Arithmetic.truncate(result, unary.getExpressionType()));
    }

    private List<Evaluated> increment(PathState state, IASTUnaryExpression unary) {
        boolean up = unary.getOperator() == IASTUnaryExpression.op_prefixIncr
                || unary.getOperator() == IASTUnaryExpression.op_postFixIncr;
        boolean prefix = unary.getOperator() == IASTUnaryExpression.op_prefixIncr
                || unary.getOperator() == IASTUnaryExpression.op_prefixDecr;
        return Outcomes.then(evaluate(state, unary.getOperand()), (s, before) -> {
            Value after = Arithmetic.add(before, Value.of(up ? 1 : -1), unary.getOperand()::getExpressionType,
                    unary::getExpressionType);
            store(s, unary.getOperand(), after);
            return single(s, prefix ? after : before);
        });
    }

    private List<Evaluated> binary(PathState state, IASTBinaryExpression binary) {
        int operator = binary.getOperator();
        if (operator == IASTBinaryExpression.op_assign) {
            return Outcomes.then(evaluate(state, binary.getOperand2()), (s, value) -> {
                store(s, binary.getOperand1(), value);
                return single(s, value);
            });
        }
        if (operator == IASTBinaryExpression.op_logicalAnd || operator == IASTBinaryExpression.op_logicalOr) {
            return shortCircuit(state, binary, operator == IASTBinaryExpression.op_logicalAnd);
        }
        int compound = Arithmetic.plainOperatorOf(operator);
        List<Evaluated> lefts = evaluate(state, binary.getOperand1());
        return Outcomes.then(lefts, (s1, left) -> Outcomes.then(evaluate(s1, binary.getOperand2()), (s2, right) -> {
            if (compound >= 0) {
                Value value = Arithmetic.binary(compound, left, right, binary.getOperand1()::getExpressionType,
                        binary.getOperand1()::getExpressionType);
                store(s2, binary.getOperand1(), value);
                return single(s2, value);
            }
            Optional<Value> placed = PlacedPointers.compare(s2, operator, left, right);
            if (placed.isPresent()) {
                return single(s2, placed.get());
            }
            return single(s2, Arithmetic.binary(operator, left, right, binary.getOperand1()::getExpressionType,
                    binary::getExpressionType));
        }));
    }

    /**
     * {@code a && b}: where {@code a} decides, {@code b} never runs, nor do its calls. Where the
     * path does not know {@code a}, it forks: one path learns {@code a} decided, the other learns
     * the opposite and evaluates {@code b}.
     */
    private List<Evaluated> shortCircuit(PathState state, IASTBinaryExpression binary, boolean and) {
        Value decided = Value.of(and ? 0 : 1);
        return Outcomes.then(evaluate(state, binary.getOperand1()), (s, left) -> {
            if (left.isKnown() && left.pointee().isEmpty()) {
                return (left.longValue() != 0) != and ? single(s, decided) : right(s, binary);
            }
            if (pure) {
                return single(s, Value.unknown());
            }
            List<Evaluated> outcomes = new ArrayList<>();
            PathState other = s.fork();
            Assumptions.assume(s, left, !and).ifPresent(d -> outcomes.add(new Evaluated(d, decided)));
            Assumptions.assume(other, left, and).ifPresent(undecided -> outcomes.addAll(right(undecided, binary)));
            return outcomes;
        });
    }

    private List<Evaluated> right(PathState state, IASTBinaryExpression binary) {
        return Outcomes.then(evaluate(state, binary.getOperand2()), (s, right) -> single(s, Assumptions.truthOf(right)));
    }

    private List<Evaluated> conditional(PathState state, IASTConditionalExpression conditional) {
        IASTExpression positive = conditional.getPositiveResultExpression();
        IASTExpression negative = conditional.getNegativeResultExpression();
        return Outcomes.then(evaluate(state, conditional.getLogicalConditionExpression()), (s, condition) -> {
            if (condition.isKnown() && condition.pointee().isEmpty()) {
                IASTExpression chosen = condition.longValue() != 0 ? positive : negative;
                return chosen == null ? single(s, condition) : evaluate(s, chosen);
            }
            if (pure) {
                Value a = positive == null ? condition : evaluate(s, positive).get(0).value();
                Value b = evaluate(s, negative).get(0).value();
                return single(s, a.equals(b) ? a : Value.unknown());
            }
            List<Evaluated> outcomes = new ArrayList<>();
            PathState other = s.fork();
            Assumptions.assume(s, condition, true).ifPresent(t -> outcomes.addAll(positive == null
                    ? single(t, condition) : evaluate(t, positive)));
            Assumptions.assume(other, condition, false).ifPresent(f -> outcomes.addAll(evaluate(f, negative)));
            return Outcomes.bounded(outcomes);
        });
    }

    private List<Evaluated> call(PathState state, IASTFunctionCallExpression call) {
        if (pure) {
            return single(state, Value.unknown());
        }
        IASTInitializerClause[] nodes = call.getArguments();
        List<Partial> partials = List.of(new Partial(state, List.of()));
        for (IASTInitializerClause node : nodes) {
            List<Partial> next = new ArrayList<>();
            for (Partial partial : partials) {
                for (Evaluated outcome : evaluate(partial.state, node)) {
                    next.add(partial.with(outcome.state(), argument(outcome, node)));
                }
            }
            partials = next.size() > Outcomes.MAX_PATHS ? next.subList(0, Outcomes.MAX_PATHS) : next;
        }
        String callee = calleeName(call);
        Matcher accessor = REGISTER_ACCESSOR.matcher(callee);
        if (accessor.matches() && nodes.length > 0 && host.watchesAccesses()) {
            boolean write = accessor.group(1).equals("WRITE");
            boolean single = !callee.contains("_BUFFER_") && nodes.length == 2;
            IASTExpression register = nodes[0] instanceof IASTExpression e ? Lvalues.stripCasts(e) : null;
            for (Partial partial : partials) {
                Value pointer = partial.arguments.get(0).value();
                Value stored = write && single ? partial.arguments.get(1).value() : Value.unknown();
                if (register instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_amper) {
                    noteAccess(partial.state, unary.getOperand(), write, stored); // WRITE_REGISTER_ULONG(&p->REG, v)
                } else if (pointer.pointee().orElse(null) instanceof Pointee.Region) {
                    host.access(partial.state, call, pointer, write, stored);
                }
            }
        }
        List<Evaluated> results = new ArrayList<>();
        for (Partial partial : partials) {
            results.addAll(host.call(partial.state, call, callee, partial.arguments));
        }
        return Outcomes.bounded(results);
    }

    /** A read or write through {@code p->f}, {@code p[i]} or {@code *p} where p points into a region. */
    private void noteAccess(PathState state, IASTExpression expression, boolean write, Value stored) {
        if (pure || !host.watchesAccesses()) {
            return;
        }
        IASTExpression whole = Lvalues.stripParentheses(expression);
        IASTExpression target = whole;
        while (target instanceof IASTFieldReference member && !member.isPointerDereference()) {
            target = Lvalues.stripParentheses(member.getFieldOwner()); // p[i].f, p->s.f: an access through p
        }
        IASTExpression pointerExpression = null;
        if (target instanceof IASTFieldReference field && field.isPointerDereference()) {
            pointerExpression = field.getFieldOwner();
        } else if (target instanceof IASTArraySubscriptExpression subscript) {
            pointerExpression = subscript.getArrayExpression();
        } else if (target instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_star) {
            pointerExpression = unary.getOperand();
        }
        if (pointerExpression == null) {
            return;
        }
        Value pointer = peek(state, pointerExpression);
        if (pointer.pointee().orElse(null) instanceof Pointee.Region) {
            host.access(state, whole, pointer, write, stored);
        }
    }

    private Argument argument(Evaluated outcome, IASTInitializerClause node) {
        if (!(node instanceof IASTExpression expression)) {
            return Argument.of(outcome.value());
        }
        IASTExpression stripped = Lvalues.stripCasts(expression);
        return new Argument(outcome.value(), lvalues.storageOf(outcome.state(), stripped),
                lvalues.addressed(outcome.state(), expression), node.getRawSignature());
    }

    /** Arguments evaluated so far on one path. */
    private record Partial(PathState state, List<Argument> arguments) {
        Partial with(PathState next, Argument argument) {
            List<Argument> all = new ArrayList<>(arguments);
            all.add(argument);
            return new Partial(next, all);
        }
    }

    private void store(PathState state, IASTExpression target, Value value) {
        if (!pure) {
            noteAccess(state, target, true, value);
            Optional<StorageKey> key = lvalues.storageOf(state, target);
            if (key.isPresent()) {
                host.bind(state, key.get(), value, Bind.Kind.ASSIGNED, "");
            } else if (!inLocalArray(target)) {
                // g_table[i].p = pv with i unknown: kept in a place the replay cannot name, which
                // outlives the function; only an element of the function's own array dies with it.
                Effects.escape(value, state);
            }
        }
    }

    /** True when an lvalue the replay cannot name is an element of an array local to the function. */
    private static boolean inLocalArray(IASTExpression target) {
        IASTExpression expression = Lvalues.stripParentheses(target);
        boolean subscripted = false;
        while (true) {
            if (expression instanceof IASTArraySubscriptExpression subscript) {
                subscripted = true;
                expression = Lvalues.stripParentheses(subscript.getArrayExpression());
            } else if (expression instanceof IASTFieldReference field && !field.isPointerDereference()) {
                expression = Lvalues.stripParentheses(field.getFieldOwner());
            } else if (expression instanceof IASTCastExpression cast) {
                expression = Lvalues.stripParentheses(cast.getOperand());
            } else {
                break;
            }
        }
        if (!subscripted || !(expression instanceof IASTIdExpression id)
                || !(id.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IVariable variable)
                || variable instanceof org.eclipse.cdt.core.dom.ast.IField
                || variable instanceof org.eclipse.cdt.core.dom.ast.IParameter) {
            return false;
        }
        try {
            return variable.getType() instanceof org.eclipse.cdt.core.dom.ast.IArrayType && !variable.isStatic()
                    && variable.getOwner() instanceof org.eclipse.cdt.core.dom.ast.IFunction;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The called function's simple name, or "" for calls through pointers. */
    public static String calleeName(IASTFunctionCallExpression call) {
        IASTExpression callee = Lvalues.stripParentheses(call.getFunctionNameExpression());
        if (callee instanceof IASTIdExpression id) {
            return id.getName().getLastName().toString();
        }
        if (callee instanceof IASTFieldReference field) {
            return field.getFieldName().getLastName().toString();
        }
        return "";
    }

    public static IASTExpression stripParentheses(IASTExpression expression) {
        return Lvalues.stripParentheses(expression);
    }

    private static List<Evaluated> single(PathState state, Value value) {
        return List.of(new Evaluated(state, value));
    }
}
