package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;

/**
 * One outcome of evaluating an expression: the path as it is afterwards and the value. An
 * expression has several outcomes when it forks the path: {@code a && b} with {@code a}
 * unknown, a wrapper that returns on several paths.
 */
public record Evaluated(PathState state, Value value) {
}
