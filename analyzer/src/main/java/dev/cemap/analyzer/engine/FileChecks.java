package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.check.FileFacts;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.state.PathState;
import java.util.List;
import java.util.Optional;

/** Runs the checkers' file hook: what a file says outside its functions. */
public final class FileChecks {

    private FileChecks() {
    }

    public static List<Diagnostic> of(ReplaySettings settings, FileFacts file) {
        CheckerDispatch dispatch = new CheckerDispatch(settings.checkers(), new CheckerDispatch.RootInfo("",
                SourceLocation.of(file.file(), 1, 1), settings.target(), settings.bsp(), ""), id -> Optional.empty());
        dispatch.file(file, new PathState(settings.target()));
        return dispatch.diagnostics();
    }
}
