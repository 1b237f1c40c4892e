package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.cli.output.AtomicOutputFile;
import dev.cemap.cli.output.CompilerStyleLines;
import dev.cemap.cli.output.NotificationSummary;
import dev.cemap.cli.output.Report;
import dev.cemap.cli.output.ReportPaths;
import dev.cemap.cli.output.SarifReport;
import dev.cemap.cli.output.TextReport;
import dev.cemap.cli.progress.ProgressDisplay;
import dev.cemap.cli.progress.ProgressMode;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.ScanReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = CemapCommand.Version.class,
        description = "Replay the memory-mapping calls of driver sources against the CE memory model "
                + "and report what would fail or misbehave on the device.",
        sortOptions = false,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no finding at or above the --fail-on level (with --baseline: no new one)",
            "1:findings at or above the --fail-on level (with --baseline: new ones)",
            "2:usage error, unusable PATH, configuration or baseline, or failure of the tool"})
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "VERSION",
            converter = OptionValues.TargetConverter.class,
            completionCandidates = OptionValues.TargetCandidates.class,
            description = "CE version the code is built for: ${COMPLETION-CANDIDATES} (default: the "
                    + "configuration's, else ce6).")
    CeVersion target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = OptionValues.OutputFormatConverter.class,
            completionCandidates = OptionValues.OutputFormatCandidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output; it is replaced only once the "
                    + "report is complete.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            converter = OptionValues.LevelConverter.class,
            completionCandidates = OptionValues.LevelCandidates.class,
            description = "Exit with status 1 when a finding is at or above LEVEL: "
                    + "${COMPLETION-CANDIDATES} (default: the configuration's, else error).")
    Level failOn;

    @Option(names = "-I", paramLabel = "DIR", description = "Add DIR to the include search path (repeatable).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]",
            description = "Define a preprocessor macro (repeatable); the value defaults to 1.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read the configuration from FILE instead of cemap.yaml at the scan root.")
    Path config;

    @Option(names = "--no-config", description = "Do not read cemap.yaml at the scan root.")
    boolean noConfig;

    @Option(names = "--enable", paramLabel = "RULE", split = ",",
            description = "Run RULE even if the configuration turns it off (repeatable, or comma-separated).")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE", split = ",",
            description = "Do not run RULE (repeatable, or comma-separated).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Do not scan files or folders matching GLOB, relative to the current folder "
                    + "(repeatable): third_party, '**/generated/**', '*_test.c'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare with the SARIF log FILE: results are new, unchanged, updated or absent, "
                    + "and only new ones count for --fail-on.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Also write this scan's results to FILE as SARIF, for a later --baseline.")
    Path writeBaseline;

    @Option(names = "--show-suppressed",
            description = "List findings silenced by cemap-suppress comments in the text output too.")
    boolean showSuppressed;

    @Option(names = "--docs-url", paramLabel = "URL",
            description = "Where the rule reference is published: each rule's SARIF helpUri is URL#rule-id "
                    + "({rule} in URL stands for the rule id).")
    String docsUrl;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Analyse N files at once (default: the number of processors).")
    Integer jobs;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            converter = OptionValues.ProgressModeConverter.class,
            completionCandidates = OptionValues.ProgressModeCandidates.class,
            description = "Progress on standard error: auto (a bar on a terminal, a line every 5 s otherwise), "
                    + "bar, lines or none (default: ${DEFAULT-VALUE}).")
    ProgressMode progress;

    @Option(names = "--no-progress", description = "Show no progress (as --progress=none).")
    boolean noProgress;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress; wins over --progress.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "List every tool notification on standard error; without it, more than "
                    + NotificationSummary.LIST_LIMIT + " are counted by kind (errors are always listed).")
    boolean verbose;

    @Option(names = "--stats",
            description = "At the end, print on standard error the files found, analysed and skipped, "
                    + "the notifications and the wall time.")
    boolean stats;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Driver source files or folders (BSP trees) to scan.")
    List<Path> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Backend backend;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean errIsTerminal;

    ScanCommand(Backend backend, PrintStream out, PrintStream err, boolean errIsTerminal) {
        this.backend = backend;
        this.out = out;
        this.err = err;
        this.errIsTerminal = errIsTerminal;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ScanPlan plan = plan();
        try (AtomicOutputFile outputFile = open(output, "--output");
                AtomicOutputFile baselineFile = open(writeBaseline, "--write-baseline")) {
            ScanReport scan;
            try (ProgressDisplay display = ProgressDisplay.start(progressMode(), err)) {
                scan = backend.scanner().scan(plan.request(), plan.enabledRules(), plan.threads(), display);
            }
            if (scan == null) {
                throw new IllegalStateException("the scanner returned no report");
            }
            Report report = ReportBuilder.build(scan, plan);
            printNotifications(scan);
            switch (format) {
                case SARIF -> writeSarif(report, outputFile);
                case TEXT -> writeText(report, outputFile);
            }
            if (baselineFile != null) {
                commit(baselineFile, SarifReport.toBytes(report.asBaseline()), writeBaseline);
            }
            if (stats) {
                ScanStatistics.of(scan, Duration.ofNanos(System.nanoTime() - start)).lines().forEach(err::println);
                err.flush();
            }
            return exitCode(report, plan.failOn()).code();
        }
    }

    /** --quiet and --no-progress win; AUTO becomes a bar or lines by what stderr is. */
    ProgressMode progressMode() {
        if (quiet || noProgress) {
            return ProgressMode.NONE;
        }
        return progress.resolve(errIsTerminal);
    }

    /**
     * 1 when a result counts: present, not suppressed, at or above {@code failOn}, and new when
     * compared with a baseline.
     */
    static ExitCode exitCode(Report report, Level failOn) {
        boolean failing = report.results().stream().anyMatch(result -> result.isPresent() && !result.isSuppressed()
                && result.isNew() && result.finding().level().isAtLeast(failOn));
        return failing ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private ScanPlan plan() {
        try {
            return ScanPlan.of(this, backend.rules().get());
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Before the scan: a path that cannot be written ends the run before any work. */
    private static AtomicOutputFile open(Path file, String option) {
        if (file == null) {
            return null;
        }
        try {
            return AtomicOutputFile.open(file);
        } catch (IOException e) {
            throw new FatalException(option + ": cannot write " + file + ": " + describe(e), e);
        }
    }

    private static void commit(AtomicOutputFile file, byte[] content, Path shownAs) {
        try {
            file.commit(content);
        } catch (IOException e) {
            throw new FatalException("cannot write " + shownAs + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    /** Notifications always go to stderr, so that they are seen whatever the output format. */
    private void printNotifications(ScanReport report) {
        CompilerStyleLines style = new CompilerStyleLines(new ReportPaths(report.sourceRoot()));
        NotificationSummary.lines(report.notifications(), style, verbose).forEach(err::println);
        err.flush();
    }

    private void writeSarif(Report report, AtomicOutputFile outputFile) {
        byte[] sarif = SarifReport.toBytes(report);
        if (outputFile != null) {
            commit(outputFile, sarif, output);
        } else {
            out.write(sarif, 0, sarif.length);
            out.flush();
        }
    }

    /** Findings go to the output; the summary always to stdout, where a person reads it. */
    private void writeText(Report report, AtomicOutputFile outputFile) {
        List<String> lines = TextReport.findingLines(report, showSuppressed);
        if (outputFile != null) {
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line).append('\n'));
            commit(outputFile, text.toString().getBytes(StandardCharsets.UTF_8), output);
        } else {
            lines.forEach(out::println);
        }
        out.println(TextReport.summary(report));
        out.flush();
    }
}
