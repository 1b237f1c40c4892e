package dev.cemap.corpus;

import dev.cemap.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One in-process run of the real command line, with everything it printed.
 *
 * @param exitCode  0 clean, 1 findings, 2 usage or fatal error
 * @param out       what it wrote to standard output
 * @param err       what it wrote to standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** A JVM stack trace frame, or the header of an uncaught exception. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)^\\s+at [\\w$.<>/]+\\([^)]*\\)\\s*$|^Exception in thread |^Caused by: [\\w$.]+");

    static CliRun of(List<String> args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            exitCode = Main.run(out, err, args.toArray(String[]::new));
        }
        return new CliRun(exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    boolean hasStackTrace() {
        return STACK_TRACE.matcher(out).find() || STACK_TRACE.matcher(err).find();
    }

    /** For failure messages: the command and what it printed. */
    String describe(List<String> args) {
        return "cemap " + String.join(" ", args) + "\n  exit code: " + exitCode
                + (out.isBlank() ? "" : "\n  stdout:\n" + indent(out))
                + (err.isBlank() ? "" : "\n  stderr:\n" + indent(err));
    }

    private static String indent(String text) {
        return text.strip().lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
