package dev.cemap.analyzer.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IVariable;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTDeleteExpression;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPASTNewExpression;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPField;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPMethod;

/**
 * Reads what a function body does to the places its callers can see, flow-insensitively (on
 * any path): a local that only ever holds one parameter's place ({@code PDEV pDev = (PDEV)ctx})
 * stands for it, so {@code pDev->pRegs = p} is a store into the caller's structure.
 */
public final class EffectExtractor {

    private final Map<IBinding, Integer> parameters = new IdentityHashMap<>();
    private final Map<IBinding, AccessPath> aliases = new IdentityHashMap<>();
    private final Set<AccessPath> writes = new HashSet<>();
    private final Set<AccessPath> escapes = new HashSet<>();
    private final Set<FunctionSummary.Copy> stores = new HashSet<>();
    private final Set<AccessPath> returns = new HashSet<>();
    private final List<BodyEffects.Call> calls = new ArrayList<>();

    private EffectExtractor() {
    }

    public static BodyEffects of(IASTFunctionDefinition definition, String name, Path file) {
        EffectExtractor extractor = new EffectExtractor();
        extractor.collectParameters(definition);
        extractor.collectAliases(definition);
        extractor.collectEffects(definition);
        boolean isStatic = definition.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_static;
        return new BodyEffects(name, file, isStatic, new FunctionSummary(name, extractor.writes, extractor.escapes,
                extractor.stores, extractor.returns), extractor.calls);
    }

    private void collectParameters(IASTFunctionDefinition definition) {
        definition.getDeclarator().accept(new ASTVisitor() {
            {
                shouldVisitParameterDeclarations = true;
            }

            @Override
            public int visit(IASTParameterDeclaration parameter) {
                parameters.put(parameter.getDeclarator().getName().resolveBinding(), parameters.size());
                return PROCESS_SKIP;
            }
        });
    }

    /** Locals assigned one parameter's place (or NULL) and nothing else stand for that place. */
    private void collectAliases(IASTFunctionDefinition definition) {
        Map<IBinding, List<IASTExpression>> assigned = new IdentityHashMap<>();
        definition.getBody().accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
                shouldVisitDeclarators = true;
            }

            @Override
            public int visit(IASTDeclarator declarator) {
                IBinding binding = declarator.getName().resolveBinding();
                if (isLocal(binding) && declarator.getInitializer() instanceof IASTEqualsInitializer equals
                        && equals.getInitializerClause() instanceof IASTExpression value) {
                    assigned.computeIfAbsent(binding, b -> new ArrayList<>()).add(value);
                }
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTExpression expression) {
                if (expression instanceof IASTBinaryExpression binary && isAssignment(binary.getOperator())
                        && strip(binary.getOperand1()) instanceof IASTIdExpression id
                        && isLocal(id.getName().resolveBinding())) {
                    IASTExpression value = binary.getOperator() == IASTBinaryExpression.op_assign
                            ? binary.getOperand2() : binary; // a compound assignment makes it no alias
                    assigned.computeIfAbsent(id.getName().resolveBinding(), b -> new ArrayList<>()).add(value);
                }
                return PROCESS_CONTINUE;
            }
        });
        // Aliases of aliases ({@code p = pDev->pRegs} after {@code pDev = ctx}) resolve in a few rounds.
        for (int round = 0; round < AccessPath.MAX_FIELDS; round++) {
            assigned.forEach((local, values) -> singlePlace(values).ifPresent(place -> aliases.put(local, place)));
        }
    }

    private Optional<AccessPath> singlePlace(List<IASTExpression> values) {
        AccessPath place = null;
        for (IASTExpression value : values) {
            if (isNullLiteral(value)) {
                continue;
            }
            Optional<AccessPath> path = pathOf(value);
            if (path.isEmpty() || place != null && !place.equals(path.get())) {
                return Optional.empty();
            }
            place = path.get();
        }
        return Optional.ofNullable(place);
    }

    private void collectEffects(IASTFunctionDefinition definition) {
        definition.getBody().accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTExpression expression) {
                if (expression instanceof IASTBinaryExpression binary && isAssignment(binary.getOperator())) {
                    assignment(binary);
                } else if (expression instanceof IASTUnaryExpression unary && isIncrement(unary.getOperator())) {
                    pathOf(unary.getOperand()).filter(EffectExtractor::isVisible).ifPresent(writes::add);
                } else if (expression instanceof IASTFunctionCallExpression call) {
                    call(call);
                } else if (expression instanceof ICPPASTDeleteExpression delete) {
                    pathOf(delete.getOperand()).ifPresent(escapes::add);
                } else if (expression instanceof ICPPASTNewExpression created) {
                    // The constructor may keep what it is given.
                    for (IASTExpression argument : constructorArguments(created)) {
                        pathOf(argument).ifPresent(escapes::add);
                    }
                }
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTStatement statement) {
                if (statement instanceof IASTReturnStatement returned && returned.getReturnValue() != null) {
                    pathOf(returned.getReturnValue()).ifPresent(returns::add);
                }
                return PROCESS_CONTINUE;
            }
        });
    }

    /** The arguments {@code new T(args)} gives the constructor. */
    public static List<IASTExpression> constructorArguments(ICPPASTNewExpression created) {
        List<IASTExpression> arguments = new ArrayList<>();
        if (created.getInitializer() instanceof org.eclipse.cdt.core.dom.ast.cpp.ICPPASTConstructorInitializer init) {
            for (IASTInitializerClause clause : init.getArguments()) {
                if (clause instanceof IASTExpression expression) {
                    arguments.add(expression);
                }
            }
        }
        return arguments;
    }

    private void assignment(IASTBinaryExpression binary) {
        Optional<AccessPath> target = pathOf(binary.getOperand1()).filter(EffectExtractor::isVisible);
        Optional<AccessPath> source = binary.getOperator() == IASTBinaryExpression.op_assign
                ? pathOf(binary.getOperand2()) : Optional.empty();
        target.ifPresent(writes::add);
        if (source.isEmpty() || isAliasDeclaration(binary.getOperand1())) {
            return;
        }
        if (target.isPresent()) {
            stores.add(new FunctionSummary.Copy(source.get(), target.get()));
        } else {
            // Kept in a block of the function's own (a heap object it returns or hands on): out of reach.
            escapes.add(source.get());
        }
    }

    /** {@code p = pDev} where {@code p} stands for that place: no store at all. */
    private boolean isAliasDeclaration(IASTExpression target) {
        return strip(target) instanceof IASTIdExpression id && aliases.containsKey(id.getName().resolveBinding());
    }

    private void call(IASTFunctionCallExpression call) {
        IASTExpression callee = strip(call.getFunctionNameExpression());
        String name = "";
        List<BodyEffects.Passed> passed = new ArrayList<>();
        if (callee instanceof IASTIdExpression id) {
            name = id.getName().getLastName().toString();
            if (id.getName().resolveBinding() instanceof ICPPMethod method && !method.isStatic()) {
                passed.add(new BodyEffects.Passed(-1, AccessPath.self(), false));
            }
        } else if (callee instanceof IASTFieldReference field) {
            name = field.getFieldName().getLastName().toString();
            objectOf(field).ifPresent(object -> passed.add(new BodyEffects.Passed(-1, object, false)));
        }
        IASTInitializerClause[] arguments = call.getArguments();
        for (int i = 0; i < arguments.length; i++) {
            if (!(arguments[i] instanceof IASTExpression argument)) {
                continue;
            }
            IASTExpression stripped = strip(argument);
            boolean addressOf = stripped instanceof IASTUnaryExpression unary
                    && unary.getOperator() == IASTUnaryExpression.op_amper;
            int index = i;
            pathOf(addressOf ? ((IASTUnaryExpression) stripped).getOperand() : stripped)
                    .ifPresent(place -> passed.add(new BodyEffects.Passed(index, place, addressOf)));
        }
        if (name.isEmpty()) {
            // Through a function pointer: anything may happen to what it is handed.
            for (BodyEffects.Passed place : passed) {
                escapes.add(place.place());
                if (place.addressOf()) {
                    writes.add(place.place());
                }
            }
            return;
        }
        calls.add(new BodyEffects.Call(name, passed));
    }

    private Optional<AccessPath> objectOf(IASTFieldReference field) {
        IASTExpression owner = strip(field.getFieldOwner());
        if (owner instanceof IASTLiteralExpression literal && literal.getKind() == IASTLiteralExpression.lk_this) {
            return Optional.of(AccessPath.self());
        }
        return pathOf(owner);
    }

    /** The place an expression names, when a caller could see it. */
    private Optional<AccessPath> pathOf(IASTExpression expression) {
        IASTExpression e = strip(expression);
        if (e instanceof IASTIdExpression id) {
            IBinding binding = id.getName().resolveBinding();
            Integer parameter = parameters.get(binding);
            if (parameter != null) {
                return Optional.of(AccessPath.parameter(parameter));
            }
            if (aliases.containsKey(binding)) {
                return Optional.of(aliases.get(binding));
            }
            if (binding instanceof ICPPField field && !field.isStatic()) {
                return Optional.of(AccessPath.self().field(field.getName()));
            }
            if (binding instanceof IVariable variable && !isLocal(binding)) {
                return Optional.of(AccessPath.global(variable.getName(),
                        dev.cemap.analyzer.frontend.DeclaringFile.scopeOf(variable).orElse("")));
            }
            return Optional.empty();
        }
        if (e instanceof IASTFieldReference field) {
            return objectOf(field).map(owner -> owner.field(field.getFieldName().toString()));
        }
        if (e instanceof IASTArraySubscriptExpression subscript) {
            return pathOf(subscript.getArrayExpression()).map(owner -> owner.field(AccessPath.ANY));
        }
        if (e instanceof IASTUnaryExpression unary && unary.getOperator() == IASTUnaryExpression.op_star) {
            return pathOf(unary.getOperand()).map(owner -> owner.field(AccessPath.ANY));
        }
        return Optional.empty();
    }

    /** A parameter's own value is the callee's copy: writing it changes nothing the caller sees. */
    private static boolean isVisible(AccessPath path) {
        return !(path.root() == AccessPath.Root.PARAMETER && path.isValue());
    }

    private boolean isLocal(IBinding binding) {
        if (!(binding instanceof IVariable variable) || parameters.containsKey(binding)) {
            return false;
        }
        try {
            return variable.getOwner() instanceof IFunction && !variable.isStatic();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isNullLiteral(IASTExpression expression) {
        return strip(expression) instanceof IASTLiteralExpression literal
                && (literal.getKind() == IASTLiteralExpression.lk_nullptr
                        || literal.getKind() == IASTLiteralExpression.lk_integer_constant
                                && String.valueOf(literal.getValue()).equals("0"));
    }

    private static boolean isAssignment(int operator) {
        return operator >= IASTBinaryExpression.op_assign && operator <= IASTBinaryExpression.op_binaryOrAssign;
    }

    private static boolean isIncrement(int operator) {
        return operator == IASTUnaryExpression.op_prefixIncr || operator == IASTUnaryExpression.op_prefixDecr
                || operator == IASTUnaryExpression.op_postFixIncr || operator == IASTUnaryExpression.op_postFixDecr;
    }

    private static IASTExpression strip(IASTExpression expression) {
        IASTExpression current = expression;
        while (true) {
            if (current instanceof IASTUnaryExpression unary
                    && unary.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
                current = unary.getOperand();
            } else if (current instanceof IASTCastExpression cast) {
                current = cast.getOperand();
            } else {
                return current;
            }
        }
    }
}
