package dev.cemap.cli.suppress;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.cli.output.AppliedSuppression;
import dev.cemap.cli.output.ReportPaths;
import dev.cemap.cli.output.ReportedResult;
import dev.cemap.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the {@code cemap-suppress} comments to a scan's results, and reports those that silence
 * nothing under {@link UnusedSuppression}.
 *
 * <p>A comment suppresses a result of a rule it names when it covers the result's line, or the
 * line of any call on the result's call path: a comment on the call inside a wrapper covers every
 * call site the defect is reported at.
 */
public final class SuppressionMatcher {

    /** A rule named by one comment. */
    private record Use(SuppressionComment comment, String ruleId) {
    }

    private final Map<Path, Map<Integer, List<SuppressionComment>>> byTarget = new HashMap<>();
    private final Set<Use> used = new LinkedHashSet<>();

    private SuppressionMatcher(Map<Path, List<SuppressionComment>> suppressions) {
        suppressions.forEach((file, comments) -> {
            for (SuppressionComment comment : comments) {
                byTarget.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new HashMap<>())
                        .computeIfAbsent(comment.targetLine(), line -> new ArrayList<>())
                        .add(comment);
            }
        });
    }

    /**
     * @param results       the scan's results
     * @param suppressions  the comments by file
     * @param knownRules    every rule id of the catalogue
     * @param disabledRules rules that did not run: a suppression of one cannot be judged unused
     * @param unusedLevel   the level of {@link UnusedSuppression} results; empty when that rule is off
     * @return the results, suppressed where a comment covers them, then one result per comment
     *         that silences nothing
     */
    public static List<ReportedResult> apply(List<ReportedResult> results,
            Map<Path, List<SuppressionComment>> suppressions, Set<String> knownRules, Set<String> disabledRules,
            Optional<Level> unusedLevel, ReportPaths paths) {
        SuppressionMatcher matcher = new SuppressionMatcher(suppressions);
        List<ReportedResult> applied = new ArrayList<>();
        for (ReportedResult result : results) {
            applied.add(matcher.match(result));
        }
        if (unusedLevel.isPresent()) {
            UnusedResults unused = new UnusedResults(unusedLevel.get(), knownRules, disabledRules);
            suppressions.values().forEach(comments -> comments.forEach(comment ->
                    unused.check(comment, id -> matcher.used.contains(new Use(comment, id)))
                            .ifPresent(finding -> applied.add(ReportedResult.of(finding, paths)))));
        }
        return applied;
    }

    private ReportedResult match(ReportedResult result) {
        Finding finding = result.finding();
        Optional<SuppressionComment> first = Optional.empty();
        Set<SourceLocation> sites = new LinkedHashSet<>();
        sites.add(finding.location());
        sites.addAll(finding.callPath());
        for (SourceLocation site : sites) {
            for (SuppressionComment comment : coveringLine(site)) {
                if (comment.problem().isEmpty() && comment.ruleIds().contains(finding.ruleId())) {
                    // Every comment that covers the result counts as used, not only the first.
                    used.add(new Use(comment, finding.ruleId()));
                    first = first.or(() -> Optional.of(comment));
                }
            }
        }
        return first.map(comment -> result.suppressedBy(new AppliedSuppression(comment.location(), comment.reason())))
                .orElse(result);
    }

    private List<SuppressionComment> coveringLine(SourceLocation site) {
        return byTarget.getOrDefault(site.file().toAbsolutePath().normalize(), Map.of())
                .getOrDefault(site.line(), List.of());
    }
}
