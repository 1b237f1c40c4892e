package dev.cemap.rules;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.SourceLocation;
import java.util.Comparator;
import java.util.List;

/**
 * One reported defect.
 *
 * @param ruleId       the rule that reported it
 * @param level        the level for this finding (usually the rule's default)
 * @param message      what is wrong, naming the values involved
 * @param location     the call to fix
 * @param flow         the replay that proves it: calls in order, each with the emulated state
 * @param fingerprint  a location-independent identity (function and call shape) that survives
 *                     edits elsewhere in the file; writers combine it with the relative path
 * @param callPath     where the call at fault is reached from: the wrapper calls from the replayed
 *                     function down, then the call itself; just {@code location} when it is direct
 */
public record Finding(String ruleId, Level level, String message, SourceLocation location,
        List<FlowStep> flow, String fingerprint, List<SourceLocation> callPath) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(finding -> finding.callPath().toString());

    public Finding {
        flow = List.copyOf(flow);
        callPath = callPath.isEmpty() ? List.of(location) : List.copyOf(callPath);
    }

    public Finding(String ruleId, Level level, String message, SourceLocation location, List<FlowStep> flow,
            String fingerprint) {
        this(ruleId, level, message, location, flow, fingerprint, List.of(location));
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
