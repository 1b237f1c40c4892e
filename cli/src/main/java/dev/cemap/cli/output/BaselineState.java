package dev.cemap.cli.output;

import java.util.Locale;

/** SARIF {@code result.baselineState}: how a result compares with the same result in a baseline log. */
public enum BaselineState {
    /** Not in the baseline. */
    NEW,
    /** In the baseline, with the same level and message. */
    UNCHANGED,
    /** In the baseline, but its level or message changed. */
    UPDATED,
    /** In the baseline, no longer found. */
    ABSENT;

    public String sarifName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
