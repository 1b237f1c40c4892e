package dev.cemap.corpus;

import dev.cemap.cli.suppress.UnusedSuppression;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.List;

/** The rule ids the corpus knows, read from where the rules declare them. */
final class RuleIds {

    /** The rules the corpus must exercise, each with positive and negative cases: every analysis rule. */
    static final List<String> COVERED = RuleRegistry.all().stream().map(Rule::id).toList();

    /** Every rule id a user can see: a marker naming anything else is a typo. */
    static final List<String> CATALOGUE = catalogue();

    private RuleIds() {
    }

    private static List<String> catalogue() {
        List<String> ids = new ArrayList<>(COVERED);
        ids.add(UnusedSuppression.ID);
        return List.copyOf(ids);
    }
}
