package dev.cemap.cli;

import java.util.Locale;

/** What {@code cemap scan --format} writes. */
enum OutputFormat {
    TEXT,
    SARIF;

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
