package dev.cemap.cli.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether standard error is a terminal. Java 17 cannot ask isatty(2): {@code System.console()}
 * answers for standard input and output only, and is null as soon as the report is redirected
 * ({@code cemap scan --format sarif > out.sarif}) though progress still reaches a person. On
 * Linux the descriptor's link in /proc names its device; elsewhere the console is the best
 * available guess. A terminal that cannot move the cursor ({@code TERM=dumb}, Emacs shells) is
 * treated as none.
 */
public final class StderrTerminal {

    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private StderrTerminal() {
    }

    public static boolean isTerminal() {
        return decide(System.getenv(), readLink(STDERR_LINK), System.console() != null);
    }

    /**
     * @param environment        the process environment
     * @param stderrTarget       what /proc/self/fd/2 points to, when that can be read
     * @param consoleAvailable   {@code System.console() != null}
     */
    static boolean decide(Map<String, String> environment, Optional<String> stderrTarget, boolean consoleAvailable) {
        if ("dumb".equals(environment.get("TERM"))) {
            return false;
        }
        if (stderrTarget.isPresent()) {
            String target = stderrTarget.get();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        }
        return consoleAvailable;
    }

    private static Optional<String> readLink(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
