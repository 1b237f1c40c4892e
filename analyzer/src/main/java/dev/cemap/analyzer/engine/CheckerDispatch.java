package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.check.Branch;
import dev.cemap.analyzer.check.Checker;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.check.FunctionExit;
import dev.cemap.analyzer.check.LifetimeEnd;
import dev.cemap.analyzer.check.PathView;
import dev.cemap.analyzer.check.Report;
import dev.cemap.analyzer.check.RootEnd;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.replay.ApiCall;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.CeVersion;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Calls the checkers' hooks for one replayed function and keeps what they report, once per
 * checker, place and message: the same defect met on several paths is one report.
 */
final class CheckerDispatch {

    /** What every hook's context says about the replayed function. */
    record RootInfo(String function, SourceLocation location, CeVersion target, BspFacts bsp, String configuration) {
    }

    private final List<Checker> checkers;
    /** For each hook, the checkers that implement it: most hooks concern few checkers. */
    private final Map<String, List<Checker>> listening = new HashMap<>();
    private final RootInfo root;
    private final IntFunction<Optional<RegionOrigin>> regions;
    private final Map<FactKey<?>, Object> rootFacts = new HashMap<>();
    private final Map<String, Diagnostic> diagnostics = new LinkedHashMap<>();
    private boolean inPairedExit;

    CheckerDispatch(List<Checker> checkers, RootInfo root, IntFunction<Optional<RegionOrigin>> regions) {
        this.checkers = List.copyOf(checkers);
        this.root = root;
        for (java.lang.reflect.Method hook : Checker.class.getMethods()) {
            if (hook.getName().startsWith("on")) {
                listening.put(hook.getName(), this.checkers.stream().filter(checker -> implementsHook(checker, hook))
                        .toList());
            }
        }
        this.regions = regions;
    }

    void preCall(ApiCall call, PathState state) {
        fire("onPreCall", state, false, (checker, context) -> checker.onPreCall(call, context));
    }

    void call(ReplayEvent event, PathState state) {
        fire("onCall", state, true, (checker, context) -> checker.onCall(event, context));
    }

    void access(dev.cemap.analyzer.check.Access access, PathState state) {
        fire("onAccess", state, false, (checker, context) -> checker.onAccess(access, context));
    }

    void opaqueCall(dev.cemap.analyzer.check.OpaqueCall call, PathState state) {
        fire("onOpaqueCall", state, false, (checker, context) -> checker.onOpaqueCall(call, context));
    }

    /** True when some checker listens to the hook: the engine skips work nobody reads. */
    boolean listens(String hookName) {
        return !listening.getOrDefault(hookName, List.of()).isEmpty();
    }

    void bind(Bind bind, PathState state) {
        fire("onBind", state, false, (checker, context) -> checker.onBind(bind, context));
    }

    void branch(Branch branch, PathState state) {
        fire("onBranch", state, false, (checker, context) -> checker.onBranch(branch, context));
    }

    void functionExit(FunctionExit exit, PathState state) {
        fire("onFunctionExit", state, true, (checker, context) -> checker.onFunctionExit(exit, context));
    }

    void lifetimeEnd(LifetimeEnd end, PathState state) {
        boolean was = inPairedExit;
        inPairedExit = false;
        try {
            fire("onLifetimeEnd", state, false, (checker, context) -> checker.onLifetimeEnd(end, context));
        } finally {
            inPairedExit = was;
        }
    }

    void rootEnd(RootEnd end, PathState anyState) {
        fire("onRootEnd", anyState, false, (checker, context) -> checker.onRootEnd(end, context));
    }

    void file(dev.cemap.analyzer.check.FileFacts file, PathState anyState) {
        fire("onFile", anyState, false, (checker, context) -> checker.onFile(file, context));
    }

    /** While set, only checkers that follow lifetimes hear about calls and exits. */
    void pairedExit(boolean active) {
        inPairedExit = active;
    }

    String rootFunction() {
        return root.function();
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics.values());
    }

    private void fire(String hookName, PathState state, boolean lifetimeSensitive,
            BiConsumer<Checker, CheckerContext> hook) {
        for (Checker checker : listening.get(hookName)) {
            if (lifetimeSensitive && inPairedExit && !checker.followsLifetimes()) {
                continue;
            }
            hook.accept(checker, new Context(checker, state));
        }
    }

    private static boolean implementsHook(Checker checker, java.lang.reflect.Method hook) {
        try {
            return checker.getClass().getMethod(hook.getName(), hook.getParameterTypes()).getDeclaringClass()
                    != Checker.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** One hook call's view. */
    private final class Context implements CheckerContext {

        private final Checker checker;
        private final PathState state;

        Context(Checker checker, PathState state) {
            this.checker = checker;
            this.state = state;
        }

        @Override
        public PathView path() {
            return state;
        }

        @Override
        public <T> void setFact(FactKey<T> key, T value) {
            state.setFact(key, value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T rootFact(FactKey<T> key) {
            Object value = rootFacts.get(key);
            return value == null ? key.absent() : (T) value;
        }

        @Override
        public <T> void setRootFact(FactKey<T> key, T value) {
            rootFacts.put(key, value);
        }

        @Override
        public Optional<RegionOrigin> region(int regionId) {
            return regions.apply(regionId);
        }

        @Override
        public String function() {
            return root.function();
        }

        @Override
        public SourceLocation functionLocation() {
            return root.location();
        }

        @Override
        public CeVersion target() {
            return root.target();
        }

        @Override
        public BspFacts bsp() {
            return root.bsp();
        }

        @Override
        public String configuration() {
            return root.configuration();
        }

        @Override
        public boolean inPairedExit() {
            return inPairedExit;
        }

        @Override
        public void report(Report report) {
            String key = checker.id() + "|" + report.site().reportLocation() + "|" + report.message();
            diagnostics.merge(key, new Diagnostic(checker.id(), report), (known, added) -> known.with(report));
        }
    }
}
