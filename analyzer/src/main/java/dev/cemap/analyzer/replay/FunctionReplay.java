package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.CeVersion;
import java.util.List;

/**
 * The mapping calls of one function, in the order the replay met them.
 *
 * @param function  the function's name ({@code Class::Method} for members)
 * @param location  where its definition starts
 * @param target    the CE version it was replayed for
 * @param events    every mapping API call on any replayed path
 */
public record FunctionReplay(String function, SourceLocation location, CeVersion target, List<ReplayEvent> events) {

    public FunctionReplay {
        events = List.copyOf(events);
    }
}
