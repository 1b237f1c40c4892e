package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import java.util.List;

/**
 * The mapping calls of one function, in the order the replay met them on its paths.
 *
 * @param function  the function's name ({@code Class::Method} for members)
 * @param location  where its definition starts
 * @param target    the CE version it was replayed for
 * @param events    every mapping API call on any replayed path, and the leaks found at its exits
 * @param complete  false when the replay stopped at its budget: leak checks were skipped
 * @param configuration the registry key whose windows answered the code's registry reads
 *                  ({@code [HKEY_LOCAL_MACHINE\Drivers\BuiltIn\GPIO]}), or "" when none was assumed
 */
public record FunctionReplay(String function, SourceLocation location, CeVersion target, List<ReplayEvent> events,
        boolean complete, String configuration) {

    public FunctionReplay {
        events = List.copyOf(events);
    }

    public FunctionReplay(String function, SourceLocation location, CeVersion target, List<ReplayEvent> events) {
        this(function, location, target, events, true, "");
    }
}
