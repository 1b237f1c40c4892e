package dev.cemap.cli;

/** The process exit status of {@code cemap}; CI scripts branch on these values. */
public enum ExitCode {
    /** No finding at or above the {@code --fail-on} level. */
    CLEAN(0),
    /** At least one finding at or above the {@code --fail-on} level. */
    FINDINGS(1),
    /** Bad command line, unusable input path, or a failure of the tool itself. */
    ERROR(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
