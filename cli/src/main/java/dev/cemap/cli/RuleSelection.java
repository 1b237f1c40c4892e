package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.cli.config.RuleSetting;
import dev.cemap.cli.output.RuleOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which rules run and at what level: the configuration file's {@code rules:}, then
 * {@code --enable} and {@code --disable}, which win. Rules nobody mentions run at their default.
 */
final class RuleSelection {

    private final Map<String, RuleSetting> settings;

    private RuleSelection(Map<String, RuleSetting> settings) {
        this.settings = settings;
    }

    /**
     * @throws UsageException for a rule id the catalogue lacks, or one both enabled and disabled
     */
    static RuleSelection of(Map<String, RuleSetting> configured, List<String> enable, List<String> disable,
            Set<String> knownIds) {
        Map<String, RuleSetting> settings = new TreeMap<>(configured);
        for (String id : enable) {
            check(id, "--enable", knownIds);
            if (disable.contains(id)) {
                throw new UsageException("rule '" + id + "' is given to both --enable and --disable");
            }
            settings.put(id, new RuleSetting(true, settings.getOrDefault(id, RuleSetting.ON).level()));
        }
        for (String id : disable) {
            check(id, "--disable", knownIds);
            settings.put(id, RuleSetting.OFF);
        }
        return new RuleSelection(settings);
    }

    private static void check(String id, String option, Set<String> knownIds) {
        if (!knownIds.contains(id)) {
            throw new UsageException(option + ": no rule '" + id + "' (cemap rules lists them)");
        }
    }

    boolean enabled(String ruleId) {
        return settings.getOrDefault(ruleId, RuleSetting.ON).enabled();
    }

    Optional<Level> level(String ruleId) {
        return settings.getOrDefault(ruleId, RuleSetting.ON).level();
    }

    Set<String> disabled() {
        return settings.entrySet().stream().filter(entry -> !entry.getValue().enabled()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The rules away from their default, for SARIF's {@code ruleConfigurationOverrides}, in id order. */
    List<RuleOverride> overrides() {
        List<RuleOverride> overrides = new ArrayList<>();
        settings.forEach((id, setting) -> {
            if (!setting.enabled() || setting.level().isPresent()) {
                overrides.add(new RuleOverride(id, setting.enabled(), setting.level()));
            }
        });
        return overrides;
    }
}
