package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.model.SourceLocation;

/** One step of a replayed path: a mapping call with its emulated effect, a branch taken, an exit. */
public record TraceStep(SourceLocation location, String message) {
}
