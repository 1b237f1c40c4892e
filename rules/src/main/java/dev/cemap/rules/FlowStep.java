package dev.cemap.rules;

import dev.cemap.analyzer.model.SourceLocation;

/** One step of a finding's proof: a call on the path, with the emulated state after it. */
public record FlowStep(SourceLocation location, String message) {
}
