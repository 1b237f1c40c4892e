package dev.cemap.cli;

import dev.cemap.cli.progress.StderrTerminal;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point of the {@code cemap} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = consoleCharset();
        PrintStream out = new PrintStream(System.out, true, charset);
        PrintStream err = new PrintStream(System.err, true, charset);
        System.exit(run(Backend.standard(), out, err, StderrTerminal.isTerminal(), args));
    }

    /**
     * The platform charset, except that ASCII becomes UTF-8: under a POSIX locale (a bare CI
     * container) Java 17 would print every arrow and dash of a message as '?'.
     */
    static Charset consoleCharset() {
        Charset platform = Charset.defaultCharset();
        return platform.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : platform;
    }

    /** Runs one command line against the real analyzer; returns the exit status, never exits. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(Backend.standard(), out, err, args);
    }

    /** As {@link #run(PrintStream, PrintStream, String...)}, with the scanner and rules supplied. */
    public static int run(Backend backend, PrintStream out, PrintStream err, String... args) {
        return run(backend, out, err, false, args);
    }

    /**
     * @param errIsTerminal whether {@code err} reaches a terminal, which decides how progress is
     *                      shown by default; only {@link #main} can know, for the process's stderr
     */
    static int run(Backend backend, PrintStream out, PrintStream err, boolean errIsTerminal, String... args) {
        try {
            return CemapCommand.create(backend, out, err, errIsTerminal).execute(args);
        } catch (Throwable failure) {
            // picocli hands only Exceptions to its handler; an Error (say, a stack overflow in the
            // parser) still ends as one line and exit status 2.
            boolean debug = Arrays.asList(args).contains(CemapCommand.DEBUG_OPTION);
            err.println(CemapCommand.errorLine(failure, debug));
            if (debug) {
                failure.printStackTrace(err);
            }
            return ExitCode.ERROR.code();
        } finally {
            out.flush();
            err.flush();
        }
    }
}
