package dev.cemap.cli.config;

/** A configuration file cemap cannot use: the message starts with {@code FILE:LINE:COLUMN:} and names the key. */
public final class ConfigException extends Exception {

    ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
