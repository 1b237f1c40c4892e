package dev.cemap.cli.config;

import dev.cemap.analyzer.model.Level;
import java.util.Optional;

/**
 * How one rule runs: turned off, or on at its default level or at another one.
 *
 * @param level  the level its results are reported at; empty for the rule's own
 */
public record RuleSetting(boolean enabled, Optional<Level> level) {

    public static final RuleSetting OFF = new RuleSetting(false, Optional.empty());
    public static final RuleSetting ON = new RuleSetting(true, Optional.empty());
}
