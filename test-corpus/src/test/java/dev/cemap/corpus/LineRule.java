package dev.cemap.corpus;

import java.util.Comparator;

/** A rule reported (or expected) on a source line: the unit the corpus compares. */
record LineRule(int line, String ruleId) implements Comparable<LineRule> {

    private static final Comparator<LineRule> ORDER =
            Comparator.comparingInt(LineRule::line).thenComparing(LineRule::ruleId);

    @Override
    public int compareTo(LineRule other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + ruleId;
    }
}
