package dev.cemap.corpus;

import java.util.Optional;
import java.util.Set;

/**
 * One rule named by a marker comment on a line.
 *
 * @param line     1-based line the marker is written on
 * @param kind     {@code expect} (must be reported) or {@code ok} (must stay clean)
 * @param ruleId   the rule concerned
 * @param targets  the targets it applies to; empty means every target the file is scanned with
 * @param message  for an expected finding, text its message must contain
 */
record Marker(int line, Kind kind, String ruleId, Set<String> targets, Optional<String> message) {

    enum Kind {
        /** {@code // expect: rule-id}: the line must be reported with this rule. */
        EXPECT,
        /** {@code // ok: rule-id}: the line looks like the rule's target but must stay clean. */
        OK
    }

    Marker {
        targets = Set.copyOf(targets);
    }

    Marker(int line, Kind kind, String ruleId, Set<String> targets) {
        this(line, kind, ruleId, targets, Optional.empty());
    }

    boolean appliesTo(String target) {
        return targets.isEmpty() || targets.contains(target);
    }
}
