package dev.cemap.cli.suppress;

import dev.cemap.analyzer.model.Level;
import dev.cemap.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The {@link UnusedSuppression} result of one comment that silences nothing, with a message saying why. */
final class UnusedResults {

    private final Level level;
    private final Set<String> knownRules;
    private final Set<String> disabledRules;
    /** How many comments with the same text came before in the same file: keeps fingerprints apart. */
    private final Map<String, Integer> occurrences = new HashMap<>();

    UnusedResults(Level level, Set<String> knownRules, Set<String> disabledRules) {
        this.level = level;
        this.knownRules = knownRules;
        this.disabledRules = disabledRules;
    }

    Optional<Finding> check(SuppressionComment comment, Predicate<String> usedFor) {
        String message;
        if (comment.problem().isPresent()) {
            message = "cannot read this suppression: " + comment.problem().get() + "; write '"
                    + SuppressionComment.SYNTAX + "'";
        } else {
            List<String> unknown = new ArrayList<>();
            List<String> unmatched = new ArrayList<>();
            for (String id : comment.ruleIds()) {
                if (!knownRules.contains(id)) {
                    unknown.add("'" + id + "'");
                } else if (!disabledRules.contains(id) && !usedFor.test(id)) {
                    unmatched.add(id);
                }
            }
            if (unknown.isEmpty() && unmatched.isEmpty()) {
                return Optional.empty();
            }
            List<String> reasons = new ArrayList<>();
            if (!unknown.isEmpty()) {
                reasons.add(String.join(", ", unknown) + (unknown.size() == 1 ? " is not a cemap rule" : " are not cemap rules")
                        + " (cemap rules lists them)");
            }
            if (!unmatched.isEmpty()) {
                reasons.add("no " + String.join(" or ", unmatched) + " finding is reported on line " + comment.targetLine()
                        + (comment.targetLine() == comment.location().line() ? "" : ", the line it covers"));
            }
            message = "this suppression silences nothing: " + String.join("; ", reasons)
                    + ". Remove it, or move it to the line cemap reports";
        }
        return Optional.of(new Finding(UnusedSuppression.ID, level, message, comment.location(), List.of(),
                fingerprint(comment)));
    }

    /** The comment's text and its rank among identical comments of its file: no line numbers. */
    private String fingerprint(SuppressionComment comment) {
        String text = comment.describe() + ":" + comment.reason();
        Path file = comment.file();
        int rank = occurrences.merge(file + "\0" + text, 1, Integer::sum);
        return "suppression:" + text + "#" + rank;
    }
}
