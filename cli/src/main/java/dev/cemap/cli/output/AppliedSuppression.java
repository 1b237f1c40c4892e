package dev.cemap.cli.output;

import dev.cemap.analyzer.model.SourceLocation;

/**
 * The in-source suppression that covers a result (SARIF {@code suppressions}, kind {@code inSource}).
 *
 * @param location       the {@code cemap-suppress} comment
 * @param justification  the reason written after the rule ids; empty when none was given
 */
public record AppliedSuppression(SourceLocation location, String justification) {
}
