package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.cli.baseline.Baseline;
import dev.cemap.cli.baseline.BaselineException;
import dev.cemap.cli.config.ConfigException;
import dev.cemap.cli.config.ConfigFile;
import dev.cemap.cli.config.Configuration;
import dev.cemap.cli.output.RuleDocs;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.PathExclusions;
import dev.cemap.rules.Rule;
import dev.cemap.rules.ScanRequest;
import dev.cemap.rules.ScanRoot;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code cemap scan} decided before the scan starts: the configuration file merged
 * with the command line (which wins), every argument checked, the baseline read. A problem with
 * any of them ends the run here, before any work.
 *
 * @param request    what the scanner scans
 * @param catalogue  every rule, for the report
 * @param selection  which rules run, at which level
 * @param failOn     the lowest level that makes the exit status 1
 * @param docs       where the rule reference is published, if configured
 * @param threads    files analysed at once
 * @param baseline   the baseline to compare with, if given
 */
record ScanPlan(ScanRequest request, RuleCatalogue catalogue, RuleSelection selection, Level failOn, RuleDocs docs,
        int threads, Optional<Baseline> baseline) {

    static final CeVersion DEFAULT_TARGET = CeVersion.CE6;
    static final Level DEFAULT_FAIL_ON = Level.ERROR;

    /** The rules the scanner runs: the catalogue's analysis rules left on. */
    List<Rule> enabledRules() {
        return catalogue.analysisRules().stream().filter(rule -> selection.enabled(rule.info().id())).toList();
    }

    /**
     * @throws UsageException for a bad command line
     * @throws FatalException for a configuration file or baseline that cannot be used
     */
    static ScanPlan of(ScanCommand options, List<Rule> analysisRules) {
        RuleCatalogue catalogue = RuleCatalogue.of(analysisRules);
        ScanRequest fromCommandLine = ScanRequestValidator.validate(options.paths, DEFAULT_TARGET, options.includeDirs,
                options.defines, options.output);
        Configuration config = configuration(options, fromCommandLine.paths(), catalogue);
        if (options.jobs != null && options.jobs < 1) {
            throw new UsageException("--jobs expects a number of threads of at least 1, got " + options.jobs);
        }
        List<Path> includes = new ArrayList<>(config.includeDirs());
        includes.addAll(fromCommandLine.includeDirs());
        Map<String, String> defines = new LinkedHashMap<>(config.defines());
        defines.putAll(fromCommandLine.defines());
        ScanRequest request = new ScanRequest(fromCommandLine.paths(),
                Optional.ofNullable(options.target).or(config::target).orElse(DEFAULT_TARGET),
                includes, defines, exclusions(config, options.excludes));
        RuleSelection selection = RuleSelection.of(config.rules(), options.enable, options.disable, catalogue.ids());
        Level failOn = Optional.ofNullable(options.failOn).or(config::failOn).orElse(DEFAULT_FAIL_ON);
        int threads = options.jobs != null ? options.jobs : Runtime.getRuntime().availableProcessors();
        return new ScanPlan(request, catalogue, selection, failOn, docs(options, config), threads,
                baseline(options.baseline));
    }

    /** {@code --config FILE}, else {@code cemap.yaml} at the scan root unless {@code --no-config}. */
    private static Configuration configuration(ScanCommand options, List<Path> paths, RuleCatalogue catalogue) {
        Path file;
        String shownAs;
        if (options.config != null && options.noConfig) {
            throw new UsageException("--config and --no-config contradict each other");
        }
        if (options.config != null) {
            file = ScanRequestValidator.absolute(options.config);
            shownAs = options.config.toString();
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--config: no such file: " + options.config);
            }
        } else if (!options.noConfig) {
            file = ScanRoot.of(paths).resolve(ConfigFile.NAME);
            shownAs = shown(file);
            if (!Files.isRegularFile(file)) {
                return Configuration.NONE;
            }
        } else {
            return Configuration.NONE;
        }
        try {
            return ConfigFile.load(file, shownAs, catalogue.ids());
        } catch (ConfigException e) {
            throw new FatalException(e.getMessage(), e);
        }
    }

    /** The configuration's globs are relative to its folder, the command line's to the current one. */
    private static PathExclusions exclusions(Configuration config, List<String> commandLineGlobs) {
        List<PathExclusions.Pattern> patterns = new ArrayList<>(config.excludes());
        Path currentFolder = Path.of("").toAbsolutePath();
        for (String glob : commandLineGlobs) {
            try {
                PathExclusions.check(glob);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--exclude '" + glob + "': " + e.getMessage());
            }
            patterns.add(commandLinePattern(currentFolder, glob));
        }
        return PathExclusions.of(patterns);
    }

    /** An absolute path given to --exclude is a glob relative to the file-system root. */
    private static PathExclusions.Pattern commandLinePattern(Path currentFolder, String glob) {
        try {
            Path path = Path.of(glob);
            if (path.isAbsolute()) {
                Path root = path.getRoot();
                return new PathExclusions.Pattern(root, root.relativize(path).toString());
            }
        } catch (InvalidPathException notAPath) {
            // a glob with characters a path cannot have here: relative to the current folder
        }
        return new PathExclusions.Pattern(currentFolder, glob);
    }

    private static RuleDocs docs(ScanCommand options, Configuration config) {
        if (options.docsUrl == null) {
            return config.docs().orElse(RuleDocs.NONE);
        }
        try {
            return RuleDocs.at(options.docsUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--docs-url '" + options.docsUrl + "': " + e.getMessage());
        }
    }

    private static Optional<Baseline> baseline(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Baseline.read(file));
        } catch (BaselineException e) {
            throw new FatalException(e.getMessage(), e);
        }
    }

    /** A path below the current folder as a relative one, as the user would type it. */
    private static String shown(Path file) {
        Path current = Path.of("").toAbsolutePath();
        return file.startsWith(current) ? current.relativize(file).toString() : file.toString();
    }
}
