package dev.cemap.cli.baseline;

import dev.cemap.analyzer.model.Level;

/**
 * One result of a baseline log, as much of it as matching and reporting it absent need.
 *
 * @param fingerprint  its {@code cemap/v1} partial fingerprint
 * @param uri          its location's URI as written: relative to {@code %SRCROOT%}, or absolute
 */
public record BaselineResult(String fingerprint, String ruleId, Level level, String message, String uri, int line,
        int column) {
}
