package dev.cemap.cli.output;

import dev.cemap.rules.Finding;
import java.util.Optional;

/**
 * One result as the writers print it: a finding with its partial fingerprint, the suppression that
 * covers it, and its state against a baseline.
 *
 * @param finding        what was found; for an {@link BaselineState#ABSENT} result, what the baseline held
 * @param fingerprint    SARIF {@code partialFingerprints}' value, the identity a baseline matches on
 * @param suppression    the {@code cemap-suppress} comment covering it, if any
 * @param baselineState  empty when no baseline was given
 */
public record ReportedResult(Finding finding, String fingerprint, Optional<AppliedSuppression> suppression,
        Optional<BaselineState> baselineState) {

    /** A result as the scan found it: not suppressed, not compared with a baseline. */
    public static ReportedResult of(Finding finding, ReportPaths paths) {
        return new ReportedResult(finding, PartialFingerprint.of(finding, paths.display(finding.location().file())),
                Optional.empty(), Optional.empty());
    }

    public ReportedResult suppressedBy(AppliedSuppression by) {
        return new ReportedResult(finding, fingerprint, Optional.of(by), baselineState);
    }

    public ReportedResult inState(BaselineState state) {
        return new ReportedResult(finding, fingerprint, suppression, Optional.of(state));
    }

    public boolean isSuppressed() {
        return suppression.isPresent();
    }

    /** Still in the code: every result but those a baseline holds and this scan no longer found. */
    public boolean isPresent() {
        return baselineState.filter(state -> state == BaselineState.ABSENT).isEmpty();
    }

    /** Not in the baseline, or no baseline given: what {@code --fail-on} and the text output look at. */
    public boolean isNew() {
        return baselineState.map(state -> state == BaselineState.NEW).orElse(true);
    }
}
