package dev.cemap.cli;

import java.util.Locale;

/** What {@code cemap rules --format} writes. */
enum RulesFormat {
    TEXT,
    MARKDOWN;

    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
