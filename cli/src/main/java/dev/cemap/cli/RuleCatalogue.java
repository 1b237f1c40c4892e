package dev.cemap.cli;

import dev.cemap.cli.suppress.UnusedSuppression;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every rule a user can see, configure, suppress and explain: the analysis rules of the backend,
 * and {@code unused-suppression}, which the command line itself reports. In rule-id order.
 */
record RuleCatalogue(List<Rule> analysisRules, List<RuleInfo> rules) {

    static RuleCatalogue of(List<Rule> analysisRules) {
        List<RuleInfo> rules = new ArrayList<>(analysisRules.stream().map(Rule::info).toList());
        rules.add(UnusedSuppression.info());
        rules.sort(Comparator.comparing(RuleInfo::id));
        return new RuleCatalogue(List.copyOf(analysisRules), List.copyOf(rules));
    }

    Set<String> ids() {
        return rules.stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
    }

    Optional<RuleInfo> find(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
