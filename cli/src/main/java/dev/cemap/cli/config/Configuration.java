package dev.cemap.cli.config;

import dev.cemap.analyzer.model.Level;
import dev.cemap.cli.output.RuleDocs;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.PathExclusions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a configuration file, checked and with its paths resolved against the file's
 * folder. The command line adds to them and wins where both set the same thing.
 *
 * @param includeDirs  absolute folders
 * @param defines      macro name to value, in the file's order
 * @param excludes     globs relative to the file's folder
 * @param rules        rule id to setting, for the rules the file names
 */
public record Configuration(Optional<Path> file, Optional<CeVersion> target, List<Path> includeDirs,
        Map<String, String> defines, List<PathExclusions.Pattern> excludes, Map<String, RuleSetting> rules,
        Optional<Level> failOn, Optional<RuleDocs> docs) {

    public static final Configuration NONE = new Configuration(Optional.empty(), Optional.empty(), List.of(), Map.of(),
            List.of(), Map.of(), Optional.empty(), Optional.empty());
}
