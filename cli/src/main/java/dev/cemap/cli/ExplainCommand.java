package dev.cemap.cli;

import dev.cemap.cli.config.ConfigException;
import dev.cemap.cli.config.ConfigFile;
import dev.cemap.cli.output.RuleDocs;
import dev.cemap.cli.output.RuleExplanation;
import dev.cemap.rules.RuleInfo;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = CemapCommand.Version.class,
        description = "Explain a rule: what it reports, why it matters on the device, an example and the fix.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RULE", description = "A rule id, as printed in brackets after each finding.")
    String ruleId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = OptionValues.RulesFormatConverter.class,
            completionCandidates = OptionValues.RulesFormatCandidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RulesFormat format;

    @Option(names = "--docs-url", paramLabel = "URL",
            description = "Where the rule reference is published; the explanation ends with the rule's link.")
    String docsUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "Take docs-url from this configuration file.")
    Path config;

    @Spec
    CommandSpec spec;

    private final Backend backend;
    private final PrintStream out;

    ExplainCommand(Backend backend, PrintStream out) {
        this.backend = backend;
        this.out = out;
    }

    @Override
    public Integer call() {
        RuleCatalogue catalogue = RuleCatalogue.of(backend.rules().get());
        RuleInfo rule = catalogue.find(ruleId.strip()).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no rule '" + ruleId + "'" + suggestion(catalogue.rules()) + " (cemap rules lists them)"));
        RuleDocs docs = docs(catalogue);
        List<String> lines = switch (format) {
            case TEXT -> RuleExplanation.text(rule, docs);
            case MARKDOWN -> RuleExplanation.markdown(rule, docs);
        };
        lines.forEach(out::println);
        out.flush();
        return ExitCode.CLEAN.code();
    }

    private RuleDocs docs(RuleCatalogue catalogue) {
        try {
            if (docsUrl != null) {
                return RuleDocs.at(docsUrl);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--docs-url '" + docsUrl + "': " + e.getMessage());
        }
        if (config == null) {
            return RuleDocs.NONE;
        }
        if (!Files.isRegularFile(config)) {
            throw new ParameterException(spec.commandLine(), "--config: no such file: " + config);
        }
        try {
            return ConfigFile.load(config, config.toString(), catalogue.ids()).docs().orElse(RuleDocs.NONE);
        } catch (ConfigException e) {
            throw new FatalException(e.getMessage(), e);
        }
    }

    /** The closest rule id, for a typo: "did you mean page-offset-mismatch?". */
    private String suggestion(List<RuleInfo> rules) {
        return rules.stream()
                .map(RuleInfo::id)
                .min(Comparator.comparingInt(id -> editDistance(id, ruleId)))
                .filter(id -> editDistance(id, ruleId) <= Math.max(2, ruleId.length() / 4))
                .map(id -> "; did you mean " + id + "?")
                .orElse("");
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
