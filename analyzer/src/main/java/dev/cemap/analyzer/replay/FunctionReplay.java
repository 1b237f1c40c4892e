package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import java.util.List;

/**
 * The replay of one function: the mapping calls it met on its paths and what the checkers
 * reported.
 *
 * @param function       the function's name ({@code Class::Method} for members)
 * @param location       where its definition starts
 * @param target         the CE version it was replayed for
 * @param events         every mapping API call on any replayed path, in the order met
 * @param complete       false when the replay stopped at its budget: some paths were not followed
 * @param configuration  the registry key whose windows answered the code's registry reads
 *                       ({@code [HKEY_LOCAL_MACHINE\Drivers\BuiltIn\GPIO]}), or "" when none was assumed
 * @param diagnostics    what the checkers reported, once per checker, place and message
 */
public record FunctionReplay(String function, SourceLocation location, CeVersion target, List<ReplayEvent> events,
        boolean complete, String configuration, List<Diagnostic> diagnostics) {

    public FunctionReplay {
        events = List.copyOf(events);
        diagnostics = List.copyOf(diagnostics);
    }

    public FunctionReplay(String function, SourceLocation location, CeVersion target, List<ReplayEvent> events) {
        this(function, location, target, events, true, "", List.of());
    }
}
