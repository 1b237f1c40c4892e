package dev.cemap.cli.baseline;

/** A baseline file that cannot be used; the message names the file and what is wrong with it. */
public final class BaselineException extends Exception {

    BaselineException(String message) {
        super(message);
    }

    BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
