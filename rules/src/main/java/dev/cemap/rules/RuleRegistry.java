package dev.cemap.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule cemap runs, in rule-id order. Adding a rule means adding it here. */
public final class RuleRegistry {

    private static final List<Rule> RULES = List.<Rule>of()
            .stream()
            .sorted(Comparator.comparing(rule -> rule.info().id()))
            .toList();

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(rule -> rule.info().id().equals(id)).findFirst();
    }
}
