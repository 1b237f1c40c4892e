package dev.cemap.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of the {@code cemap} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
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
