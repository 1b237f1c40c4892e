package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.state.PathState;

/**
 * A path leaving a function.
 *
 * @param state     the path at the exit
 * @param returned  the value it returns (unknown at the end of the body)
 * @param at        the {@code return}, or the end of the body
 */
public record Exit(PathState state, Value returned, SourceLocation at) {
}
