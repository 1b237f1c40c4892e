package dev.cemap.cli;

import dev.cemap.cli.output.RuleListing;
import dev.cemap.rules.RuleInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = CemapCommand.Version.class,
        description = "List the rules cemap checks: id, default level, summary.")
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = OptionValues.RulesFormatConverter.class,
            completionCandidates = OptionValues.RulesFormatCandidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RulesFormat format;

    private final Backend backend;
    private final PrintStream out;

    RulesCommand(Backend backend, PrintStream out) {
        this.backend = backend;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<RuleInfo> rules = RuleCatalogue.of(backend.rules().get()).rules();
        List<String> lines = switch (format) {
            case TEXT -> RuleListing.text(rules);
            case MARKDOWN -> RuleListing.markdown(rules);
        };
        lines.forEach(out::println);
        out.flush();
        return ExitCode.CLEAN.code();
    }
}
