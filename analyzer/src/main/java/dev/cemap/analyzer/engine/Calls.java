package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.api.LibraryFunction;
import dev.cemap.analyzer.check.OpaqueCall;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.ApiSpec;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.analyzer.summary.FunctionSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IPointerType;
import org.eclipse.cdt.core.dom.ast.IQualifierType;
import org.eclipse.cdt.core.dom.ast.IType;
import org.eclipse.cdt.core.dom.ast.ITypedef;
import org.eclipse.cdt.core.dom.ast.cpp.ICPPClassType;

/**
 * What a call does on a path, decided in this order: a wrapper of the scanned tree (or the
 * code's own MmMapIoSpace) is replayed in place with the call's argument values; a modelled CE
 * API runs its model; an SDK function of known effects applies them; a function of the tree
 * applies its summary; anything else may write through {@code &x} and keep what it is handed.
 */
final class Calls {

    private final ReplaySession session;

    Calls(ReplaySession session) {
        this.session = session;
    }

    List<Evaluated> call(Frame frame, PathState state, IASTFunctionCallExpression call, String callee,
            List<Argument> arguments, ExpressionEngine engine) {
        Optional<IASTFunctionDefinition> body = session.settings.definitions().definitionOf(call, callee);
        if (body.isPresent()) {
            if (canInline(frame, body.get())) {
                return replayBody(frame, state, body.get(), arguments, objectOf(call, state, engine),
                        siteOf(call, callee, frame));
            }
            opaque(frame, state, call, callee, arguments, OpaqueCall.Kind.TREE);
            return unknown(state, arguments);
        }
        Optional<ApiSpec> api = session.apis().api(callee).filter(spec -> spec.arity() == arguments.size());
        if (api.isPresent()) {
            return List.of(apiCall(frame, state, new ApiCall(api.get(), siteOf(call, callee, frame), arguments)));
        }
        Optional<LibraryFunction> library = session.apis().library(callee);
        if (library.isPresent()) {
            opaque(frame, state, call, callee, arguments, OpaqueCall.Kind.LIBRARY);
            Effects.ofLibrary(library.get(), arguments, state, session);
            return List.of(new Evaluated(state, Value.unknown()));
        }
        Optional<FunctionSummary> summary = session.summaries().summaryOf(callee, session.locator.apply(call).file());
        if (summary.isPresent()) {
            opaque(frame, state, call, callee, arguments, OpaqueCall.Kind.TREE);
            Value returned = Effects.ofSummary(summary.get(), arguments, objectOf(call, state, engine), state, session);
            return List.of(new Evaluated(state, returned));
        }
        opaque(frame, state, call, callee, arguments, OpaqueCall.Kind.UNKNOWN);
        return unknown(state, arguments);
    }

    private void opaque(Frame frame, PathState state, IASTFunctionCallExpression call, String callee,
            List<Argument> arguments, OpaqueCall.Kind kind) {
        if (session.checkers.listens("onOpaqueCall")) {
            session.checkers.opaqueCall(new OpaqueCall(siteOf(call, callee, frame), arguments, kind), state);
        }
    }

    /** {@code delete p}: the destructor runs on {@code *p}, releasing what it releases; the block is freed. */
    List<PathState> destroy(Frame frame, PathState state, IASTExpression object, ExpressionEngine engine) {
        IASTExpression operand = ExpressionEngine.stripParentheses(object);
        Value pointer = engine.peek(state, operand);
        List<PathState> after = runDestructor(frame, state, operand, object, engine);
        if (pointer.pointee().orElse(null) instanceof Pointee.Heap heap && heap.block() > 0) {
            after.forEach(path -> path.freeBlock(heap.block()));
        }
        return after;
    }

    private List<PathState> runDestructor(Frame frame, PathState state, IASTExpression operand, IASTExpression object,
            ExpressionEngine engine) {
        IType type = operand.getExpressionType();
        while (type instanceof ITypedef || type instanceof IPointerType || type instanceof IQualifierType) {
            type = type instanceof ITypedef typedef ? typedef.getType()
                    : type instanceof IPointerType pointer ? pointer.getType() : ((IQualifierType) type).getType();
        }
        if (!(type instanceof ICPPClassType cls)) {
            return List.of(state);
        }
        Optional<IASTFunctionDefinition> destructor = session.settings.definitions().destructorOf(cls);
        // delete reinterpret_cast<CCamera *>(hContext): the class from the cast, the object from the pointer.
        Optional<StorageKey> key = engine.storageOf(state, Lvalues.stripCasts(operand))
                .map(pointer -> Lvalues.pointedTo(state, pointer));
        if (destructor.isEmpty() || key.isEmpty() || !canInline(frame, destructor.get())) {
            return List.of(state);
        }
        CallSite site = new CallSite(session.locator.apply(object), session.checkers.rootFunction(),
                "~" + cls.getName(), List.of(object.getRawSignature()), frame.via);
        return replayBody(frame, state, destructor.get(), List.of(), key, site).stream().map(Evaluated::state)
                .toList();
    }

    private boolean canInline(Frame frame, IASTFunctionDefinition body) {
        return frame.depth() + 1 <= ReplaySession.MAX_INLINE_DEPTH
                && !session.inlining.contains(FunctionNames.of(body));
    }

    private Evaluated apiCall(Frame frame, PathState state, ApiCall call) {
        session.checkers.preCall(call, state);
        Value result = session.apis().modelOf(call.api()).apply(call, state, session);
        if (result.pointee().orElse(null) instanceof Pointee.Region region) {
            frame.regionsCreated.add(region.regionId());
        }
        return new Evaluated(state, result);
    }

    private List<Evaluated> unknown(PathState state, List<Argument> arguments) {
        session.forgetOutArguments(arguments, state);
        return List.of(new Evaluated(state, Value.unknown()));
    }

    /**
     * Replays a body in place of a call, from the caller's path. Each of its exits continues the
     * caller on a path of its own; members of {@code object} are its {@code this}.
     */
    private List<Evaluated> replayBody(Frame caller, PathState state, IASTFunctionDefinition body,
            List<Argument> arguments, Optional<StorageKey> object, CallSite site) {
        String name = FunctionNames.of(body);
        Map<StorageKey, Value> callersThis = object.isPresent() ? state.stash(new StorageKey.This()) : Map.of();
        object.ifPresent(owner -> state.rebase(owner, new StorageKey.This()));
        List<CallSite> via = new ArrayList<>(caller.via);
        via.add(site);
        FrameReplay callee = new FrameReplay(session, new Frame(name, via), this);
        Set<Integer> existing = Set.copyOf(state.regions().keySet());
        callee.bindParameters(body, arguments, state);
        session.inlining.add(name);
        List<Exit> exits;
        try {
            exits = callee.run(body, List.of(state));
        } finally {
            session.inlining.remove(name);
        }
        if (keepsMappingsInStatics(exits, existing)) {
            leaveReturnedMappingsToTheCallee(exits, existing);
        }
        List<Evaluated> outcomes = new ArrayList<>(exits.size());
        for (Exit exit : exits) {
            PathState after = exit.state();
            caller.regionsCreated.addAll(after.regions().keySet());
            object.ifPresent(owner -> after.rebase(new StorageKey.This(), owner));
            after.restore(callersThis);
            outcomes.add(new Evaluated(after, exit.returned()));
        }
        return Outcomes.bounded(outcomes);
    }

    /**
     * A mapper that keeps what it maps in a static table or cache on some path (a BSP's
     * MmMapIoSpace serving register windows mapped once for the process's life) decides which
     * addresses get a mapping of their own by conditions the replay rarely decides (which table
     * entry covers the address). What it returns is then the mapper's to manage, not the caller's.
     */
    private static boolean keepsMappingsInStatics(List<Exit> exits, Set<Integer> existing) {
        for (Exit exit : exits) {
            for (int regionId : exit.state().regions().keySet()) {
                if (!existing.contains(regionId) && exit.state().holdersOf(regionId).stream()
                        .anyMatch(holder -> holder.root() instanceof StorageKey.Global)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void leaveReturnedMappingsToTheCallee(List<Exit> exits, Set<Integer> existing) {
        for (Exit exit : exits) {
            for (int regionId : List.copyOf(exit.state().regions().keySet())) {
                if (!existing.contains(regionId) && exit.returned().pointsInto(regionId)) {
                    exit.state().escape(regionId);
                }
            }
        }
    }

    /** For {@code p->Method()} or {@code obj.Method()} on another object: whose members {@code this} means. */
    private static Optional<StorageKey> objectOf(IASTFunctionCallExpression call, PathState state,
            ExpressionEngine engine) {
        IASTExpression callee = ExpressionEngine.stripParentheses(call.getFunctionNameExpression());
        if (callee instanceof IASTFieldReference field) {
            IASTExpression owner = ExpressionEngine.stripParentheses(field.getFieldOwner());
            if (owner instanceof IASTLiteralExpression literal && literal.getKind() == IASTLiteralExpression.lk_this) {
                return Optional.empty();
            }
            Optional<StorageKey> key = engine.storageOf(state, owner);
            return field.isPointerDereference() ? key.map(pointer -> Lvalues.pointedTo(state, pointer)) : key;
        }
        return Optional.empty();
    }

    private CallSite siteOf(IASTFunctionCallExpression call, String callee, Frame frame) {
        List<String> texts = new ArrayList<>();
        for (IASTInitializerClause argument : call.getArguments()) {
            texts.add(argument.getRawSignature());
        }
        return new CallSite(session.locator.apply(call), session.checkers.rootFunction(), callee, texts, frame.via);
    }
}
