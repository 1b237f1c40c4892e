package dev.cemap.cli;

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
        System.exit(run(out, err, args));
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
        try {
            return CemapCommand.create(backend, out, err).execute(args);
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
