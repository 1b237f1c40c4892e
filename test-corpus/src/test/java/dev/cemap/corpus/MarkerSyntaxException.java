package dev.cemap.corpus;

/** A marker comment that does not follow the grammar, or contradicts another marker. */
final class MarkerSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    MarkerSyntaxException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
