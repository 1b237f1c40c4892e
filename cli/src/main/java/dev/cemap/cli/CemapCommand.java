package dev.cemap.cli;

import dev.cemap.cli.output.ToolInfo;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code cemap} command: subcommands, and the one place where failures become exit codes. */
@Command(name = "cemap",
        mixinStandardHelpOptions = true,
        versionProvider = CemapCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Static analyzer for Windows CE driver code that maps physical memory.")
final class CemapCommand implements Callable<Integer> {

    static final String DEBUG_OPTION = "--debug";

    @Option(names = DEBUG_OPTION, scope = ScopeType.INHERIT,
            description = "Print the stack trace of an internal error.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** {@code cemap} alone is a usage error: there is nothing to do without a subcommand. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    static CommandLine create(Backend backend, PrintStream out, PrintStream err, boolean errIsTerminal) {
        CommandLine commandLine = new CommandLine(new CemapCommand())
                .addSubcommand(new ScanCommand(backend, out, err, errIsTerminal))
                .addSubcommand(new RulesCommand(backend, out))
                .addSubcommand(new ExplainCommand(backend, out))
                .addSubcommand(new PortCommand(out, err))
                .addSubcommand(new CommandLine.HelpCommand());
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, Main.consoleCharset()), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, Main.consoleCharset()), true));
        commandLine.setParameterExceptionHandler(usageErrorHandler());
        commandLine.setExecutionExceptionHandler(executionErrorHandler());
        commandLine.setExitCodeExceptionMapper(exception -> ExitCode.ERROR.code());
        return commandLine;
    }

    private static IParameterExceptionHandler usageErrorHandler() {
        return (exception, args) -> {
            CommandLine commandLine = exception.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println(ToolInfo.NAME + ": " + exception.getMessage());
            // A path that does not exist needs no hint; a malformed command line does.
            if (!(exception.getCause() instanceof UsageException)
                    && !UnmatchedArgumentException.printSuggestions(exception, err)) {
                err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            err.flush();
            return ExitCode.ERROR.code();
        };
    }

    private static IExecutionExceptionHandler executionErrorHandler() {
        return (exception, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = debugRequested(parseResult);
            err.println(errorLine(exception, debug));
            if (debug) {
                exception.printStackTrace(err);
            }
            err.flush();
            return ExitCode.ERROR.code();
        };
    }

    /** One line, whatever went wrong: a stack trace is for {@code --debug} only. */
    static String errorLine(Throwable exception, boolean debug) {
        if (exception instanceof FatalException) {
            return ToolInfo.NAME + ": error: " + singleLine(exception.getMessage());
        }
        return ToolInfo.NAME + ": internal error: " + singleLine(exception.toString())
                + (debug ? "" : " (rerun with " + DEBUG_OPTION + " for the stack trace)");
    }

    private static String singleLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The option is inherited, so it may have been given to any command on the path. */
    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolInfo.NAME + " " + ToolInfo.version()};
        }
    }
}
