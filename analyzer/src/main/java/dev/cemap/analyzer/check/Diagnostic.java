package dev.cemap.analyzer.check;

/**
 * A report with the checker that made it, as the replay of a function hands it on.
 *
 * @param checkerId  the reporting checker's id (the rule id)
 * @param report     what it reported
 */
public record Diagnostic(String checkerId, Report report) {
}
