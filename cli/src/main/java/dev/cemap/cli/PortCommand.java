package dev.cemap.cli;

import dev.cemap.analyzer.model.Notification;
import dev.cemap.cli.output.CompilerStyleLines;
import dev.cemap.cli.output.ReportPaths;
import dev.cemap.cli.port.HtmlPortingReport;
import dev.cemap.cli.port.MarkdownPortingReport;
import dev.cemap.cli.port.PortingAnalysis;
import dev.cemap.cli.port.PortingReport;
import dev.cemap.emulator.CeVersion;
import dev.cemap.rules.ScanRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "port",
        mixinStandardHelpOptions = true,
        versionProvider = CemapCommand.Version.class,
        description = "Write a porting report for a BSP or driver tree: every module with its mode on the target, "
                + "every mapping call with its emulated addresses on both versions, what breaks and how to fix it "
                + "(porting-report.md and a self-contained porting-report.html).",
        sortOptions = false,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:report written; nothing breaks on the target",
            "1:report written; mapping calls break on the target",
            "2:usage error, unusable PATH, or failure of the tool"})
final class PortCommand implements Callable<Integer> {

    static final String MARKDOWN_FILE = "porting-report.md";
    static final String HTML_FILE = "porting-report.html";

    @Option(names = "--from", paramLabel = "VERSION", defaultValue = "ce5",
            converter = OptionValues.TargetConverter.class,
            completionCandidates = OptionValues.TargetCandidates.class,
            description = "CE version the code runs on today: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CeVersion from;

    @Option(names = "--to", paramLabel = "VERSION", defaultValue = "ce6",
            converter = OptionValues.TargetConverter.class,
            completionCandidates = OptionValues.TargetCandidates.class,
            description = "CE version to port to: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CeVersion to;

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write " + MARKDOWN_FILE + " and " + HTML_FILE + " to (default: the current folder).")
    Path outputDir;

    @Option(names = "-I", paramLabel = "DIR", description = "Add DIR to the include search path (repeatable).")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=VALUE]",
            description = "Define a preprocessor macro (repeatable); the value defaults to 1.")
    List<String> defines = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "1", description = "The BSP or driver folder (or one source file).")
    Path path;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    PortCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ScanRequest request = validatedRequest();
        PortingReport report = PortingAnalysis.run(request.paths().get(0), from, to, request.includeDirs(),
                request.defines());
        CompilerStyleLines lines = new CompilerStyleLines(new ReportPaths(report.root()));
        for (Notification notification : report.notifications()) {
            err.println(lines.notification(notification));
        }
        Path folder = outputDir.toAbsolutePath().normalize();
        write(folder.resolve(MARKDOWN_FILE), MarkdownPortingReport.render(report));
        write(folder.resolve(HTML_FILE), HtmlPortingReport.render(report));
        out.println("wrote " + folder.resolve(MARKDOWN_FILE) + " and " + HTML_FILE + ": " + report.sites().size()
                + " mapping calls in " + report.modules().size() + " modules, " + report.breakingSites()
                + " break on " + to.cliName());
        out.flush();
        return (report.breakingSites() > 0 ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    private ScanRequest validatedRequest() {
        try {
            if (from == to) {
                throw new UsageException("--from and --to name the same version (" + from.cliName() + ")");
            }
            if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
                throw new UsageException("--output-dir names a file, not a folder: " + outputDir);
            }
            return ScanRequestValidator.validate(List.of(path), to, includeDirs, defines, null);
        } catch (UsageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FatalException("cannot write " + file + ": " + e, e);
        }
    }
}
