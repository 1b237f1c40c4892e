package dev.cemap.cli;

/**
 * A failure outside the tool's control that ends the run, such as an output file that cannot be
 * written. Reported as one line without "internal error", since it is not a bug.
 */
final class FatalException extends RuntimeException {

    FatalException(String message, Throwable cause) {
        super(message, cause);
    }
}
