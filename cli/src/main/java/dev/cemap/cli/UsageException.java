package dev.cemap.cli;

/** The command line asks for something that cannot be done: exit status 2 with a message. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
