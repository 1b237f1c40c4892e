package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Checker;
import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.check.FileFacts;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.CeVersion;
import java.util.List;
import java.util.Optional;

/**
 * Runs checkers' hooks on events made by hand, on one path of a function {@code function}, without
 * a replay: for rules that only read events and BSP facts, and for tests of them.
 */
public final class CheckerProbe {

    private final CheckerDispatch dispatch;
    private final PathState path;

    public CheckerProbe(List<Checker> checkers, CeVersion target, BspFacts bsp, String function,
            SourceLocation location) {
        this.dispatch = new CheckerDispatch(checkers, new CheckerDispatch.RootInfo(function, location, target, bsp, ""),
                id -> Optional.empty());
        this.path = new PathState(target);
    }

    public CheckerProbe call(ReplayEvent event) {
        dispatch.call(event, path);
        return this;
    }

    public CheckerProbe file(FileFacts file) {
        dispatch.file(file, path);
        return this;
    }

    public List<Diagnostic> diagnostics() {
        return dispatch.diagnostics();
    }
}
