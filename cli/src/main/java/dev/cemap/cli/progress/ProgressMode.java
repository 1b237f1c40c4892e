package dev.cemap.cli.progress;

import java.util.Locale;

/** How {@code cemap scan} shows its progress on standard error ({@code --progress=MODE}). */
public enum ProgressMode {
    /** A bar when standard error is a terminal, a plain line every few seconds otherwise. */
    AUTO,
    /** A bar redrawn in place, whatever standard error is. */
    BAR,
    /** A plain line every few seconds: for logs, where a redrawn bar would be noise. */
    LINES,
    /** Nothing. */
    NONE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What AUTO becomes, given whether standard error is a terminal; the others stay. */
    public ProgressMode resolve(boolean stderrIsTerminal) {
        if (this != AUTO) {
            return this;
        }
        return stderrIsTerminal ? BAR : LINES;
    }
}
