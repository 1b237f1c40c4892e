package dev.cemap.analyzer.model;

/** Severity of a finding or a tool notification; the names match SARIF's {@code level} values. */
public enum Level {
    ERROR,
    WARNING,
    NOTE;

    /** The SARIF spelling: {@code error}, {@code warning}, {@code note}. */
    public String sarifName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when this level is at least as severe as {@code threshold}. */
    public boolean isAtLeast(Level threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Level parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
