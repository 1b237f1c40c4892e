package dev.cemap.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code cemap.yaml} as written, every key optional. The names are those of the command-line
 * options; {@link ConfigFile} checks the values and resolves paths.
 */
record ConfigFileContent(
        @JsonProperty("target") ConfigValue target,
        @JsonProperty("include") List<ConfigValue> include,
        @JsonProperty("define") List<ConfigValue> define,
        @JsonProperty("exclude") List<ConfigValue> exclude,
        @JsonProperty("rules") RuleEntries rules,
        @JsonProperty("fail-on") ConfigValue failOn,
        @JsonProperty("docs-url") ConfigValue docsUrl) {

    static final List<String> KEYS = List.of("target", "include", "define", "exclude", "rules", "fail-on", "docs-url");

    static final ConfigFileContent EMPTY = new ConfigFileContent(null, null, null, null, null, null, null);

    ConfigFileContent {
        include = include == null ? List.of() : include;
        define = define == null ? List.of() : define;
        exclude = exclude == null ? List.of() : exclude;
        rules = rules == null ? new RuleEntries(List.of()) : rules;
    }
}
