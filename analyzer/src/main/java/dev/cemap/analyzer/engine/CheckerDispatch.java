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
    private final RootInfo root;
    private final IntFunction<Optional<RegionOrigin>> regions;
    private final Map<FactKey<?>, Object> rootFacts = new HashMap<>();
    private final Map<String, Diagnostic> diagnostics = new LinkedHashMap<>();
    private boolean inPairedExit;

    CheckerDispatch(List<Checker> checkers, RootInfo root, IntFunction<Optional<RegionOrigin>> regions) {
        this.checkers = List.copyOf(checkers);
        this.root = root;
        this.regions = regions;
    }

    void preCall(ApiCall call, PathState state) {
        fire(state, false, (checker, context) -> checker.onPreCall(call, context));
    }

    void call(ReplayEvent event, PathState state) {
        fire(state, true, (checker, context) -> checker.onCall(event, context));
    }

    void bind(Bind bind, PathState state) {
        fire(state, false, (checker, context) -> checker.onBind(bind, context));
    }

    void branch(Branch branch, PathState state) {
        fire(state, false, (checker, context) -> checker.onBranch(branch, context));
    }

    void functionExit(FunctionExit exit, PathState state) {
        fire(state, true, (checker, context) -> checker.onFunctionExit(exit, context));
    }

    void lifetimeEnd(LifetimeEnd end, PathState state) {
        boolean was = inPairedExit;
        inPairedExit = false;
        try {
            fire(state, false, (checker, context) -> checker.onLifetimeEnd(end, context));
        } finally {
            inPairedExit = was;
        }
    }

    void rootEnd(RootEnd end, PathState anyState) {
        fire(anyState, false, (checker, context) -> checker.onRootEnd(end, context));
    }

    void file(dev.cemap.analyzer.check.FileFacts file, PathState anyState) {
        fire(anyState, false, (checker, context) -> checker.onFile(file, context));
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

    private void fire(PathState state, boolean lifetimeSensitive, BiConsumer<Checker, CheckerContext> hook) {
        for (Checker checker : checkers) {
            if (lifetimeSensitive && inPairedExit && !checker.followsLifetimes()) {
                continue;
            }
            hook.accept(checker, new Context(checker, state));
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
            diagnostics.putIfAbsent(key, new Diagnostic(checker.id(), report));
        }
    }
}
