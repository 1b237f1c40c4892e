package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.Notification;
import dev.cemap.cli.output.CompilerStyleLines;
import dev.cemap.cli.output.ReportPaths;
import dev.cemap.cli.output.SarifReport;
import dev.cemap.cli.output.TextReport;
import dev.cemap.cli.progress.ProgressDisplay;
import dev.cemap.cli.progress.ProgressMode;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.ScanReport;
import dev.cemap.rules.ScanRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
            "0:no finding at or above the --fail-on level",
            "1:findings at or above the --fail-on level",
            "2:usage error, unusable PATH, or failure of the tool"})
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "VERSION", defaultValue = "ce6",
            converter = OptionValues.TargetConverter.class,
            completionCandidates = OptionValues.TargetCandidates.class,
            description = "CE version the code is built for: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CeVersion target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = OptionValues.OutputFormatConverter.class,
            completionCandidates = OptionValues.OutputFormatCandidates.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            converter = OptionValues.LevelConverter.class,
            completionCandidates = OptionValues.LevelCandidates.class,
            description = "Exit with status 1 when a finding is at or above LEVEL: "
                    + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Level failOn;

    @Option(names = "-I", paramLabel = "DIR", description = "Add DIR to the include search path (repeatable).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]",
            description = "Define a preprocessor macro (repeatable); the value defaults to 1.")
    List<String> defines = new ArrayList<>();

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
        ScanRequest request = validatedRequest();
        ScanReport report;
        try (ProgressDisplay display = ProgressDisplay.start(progressMode(), err)) {
            report = backend.scanner().scan(request, display);
        }
        if (report == null) {
            throw new IllegalStateException("the scanner returned no report");
        }
        printNotifications(report);
        switch (format) {
            case SARIF -> writeSarif(report);
            case TEXT -> writeText(report);
        }
        if (stats) {
            ScanStatistics.of(report, Duration.ofNanos(System.nanoTime() - start)).lines().forEach(err::println);
            err.flush();
        }
        return exitCode(report, failOn).code();
    }

    /** --quiet and --no-progress win; AUTO becomes a bar or lines by what stderr is. */
    ProgressMode progressMode() {
        if (quiet || noProgress) {
            return ProgressMode.NONE;
        }
        return progress.resolve(errIsTerminal);
    }

    static ExitCode exitCode(ScanReport report, Level failOn) {
        boolean failing = report.findings().stream().anyMatch(finding -> finding.level().isAtLeast(failOn));
        return failing ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private ScanRequest validatedRequest() {
        try {
            return ScanRequestValidator.validate(paths, target, includeDirs, defines, output);
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Notifications always go to stderr, so that they are seen whatever the output format. */
    private void printNotifications(ScanReport report) {
        CompilerStyleLines lines = new CompilerStyleLines(new ReportPaths(report.sourceRoot()));
        for (Notification notification : report.notifications()) {
            err.println(lines.notification(notification));
        }
        err.flush();
    }

    private void writeSarif(ScanReport report) {
        byte[] sarif = SarifReport.toBytes(report, backend.rules().get());
        if (output != null) {
            writeFile(sarif);
        } else {
            out.write(sarif, 0, sarif.length);
            out.flush();
        }
    }

    /** Findings go to the output; the summary always to stdout, where a person reads it. */
    private void writeText(ScanReport report) {
        List<String> lines = TextReport.findingLines(report);
        if (output != null) {
            StringBuilder text = new StringBuilder();
            lines.forEach(line -> text.append(line).append('\n'));
            writeFile(text.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            lines.forEach(out::println);
        }
        out.println(TextReport.summary(report));
        out.flush();
    }

    private void writeFile(byte[] content) {
        Path file = output.toAbsolutePath().normalize();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, content);
        } catch (IOException e) {
            throw new FatalException("cannot write " + output + ": " + e, e);
        }
    }
}
