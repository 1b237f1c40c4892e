package dev.cemap.cli.suppress;

import dev.cemap.analyzer.model.Level;
import dev.cemap.rules.RuleInfo;

/**
 * The rule under which cemap reports a {@code cemap-suppress} comment that silences nothing. It is
 * a result rather than a tool notification so that code-scanning dashboards show it where the
 * comment is, in pull requests too, and it can be gated on ({@code --fail-on note}) or turned off
 * like any rule; the matching itself is done by {@link SuppressionMatcher} after the scan.
 */
@RuleInfo(
        id = UnusedSuppression.ID,
        level = Level.NOTE,
        summary = "A cemap-suppress comment that matches no finding",
        description = "A cemap-suppress comment silences the findings of the rules it names on the line it "
                + "covers (and, on a call inside a wrapper, at the wrapper's call sites). One that matches no "
                + "finding is stale after a fix, sits on the wrong line, or names a rule that does not exist; "
                + "left in place, it would hide a defect that comes back.",
        help = """
                A suppression covers the line it stands on when code is beside it, or else the next line of
                code below it (several suppression comments may be stacked above one call). It names one or
                more rule ids, separated by commas, then a colon and the reason:

                ```c
                // cemap-suppress missing-nocache: the frame buffer is mapped cached on purpose
                pFrame = MmMapIoSpace(pa, FRAME_BYTES, TRUE);
                VirtualCopy(pv, (PVOID)(PA >> 8), size, PAGE_READWRITE); /* cemap-suppress physical-flag-missing: PA is virtual here */
                ```

                This result means the comment matched no finding: the defect was fixed, the comment is not on
                (or right above) the line cemap reports, the rule id is misspelt, or the text after
                `cemap-suppress` cannot be read.

                Fix: remove the comment, or move it to the reported line and name the rule shown in brackets
                at the end of the finding (`cemap explain RULE` describes each rule).
                """,
        tags = {"maintainability", "suppression"},
        precision = "very-high")
public final class UnusedSuppression {

    public static final String ID = "unused-suppression";

    private UnusedSuppression() {
    }

    public static RuleInfo info() {
        return UnusedSuppression.class.getAnnotation(RuleInfo.class);
    }
}
