package dev.cemap.cli.output;

import dev.cemap.analyzer.model.Level;
import java.util.Optional;

/**
 * A rule configured away from its default for this run (SARIF {@code ruleConfigurationOverrides}).
 *
 * @param ruleId   the rule
 * @param enabled  false when the rule was turned off
 * @param level    the level its results are reported at instead of the default
 */
public record RuleOverride(String ruleId, boolean enabled, Optional<Level> level) {
}
