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
 * @param otherFlows   the flows of other paths to the same defect
 * @param related      other places that explain it (where a leaked mapping is lost)
 */
public record Finding(String ruleId, Level level, String message, SourceLocation location,
        List<FlowStep> flow, String fingerprint, List<SourceLocation> callPath, List<List<FlowStep>> otherFlows,
        List<FlowStep> related) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(finding -> finding.callPath().toString());

    public Finding {
        flow = List.copyOf(flow);
        callPath = callPath.isEmpty() ? List.of(location) : List.copyOf(callPath);
        otherFlows = otherFlows.stream().map(List::copyOf).toList();
        related = List.copyOf(related);
    }

    public Finding(String ruleId, Level level, String message, SourceLocation location, List<FlowStep> flow,
            String fingerprint, List<SourceLocation> callPath) {
        this(ruleId, level, message, location, flow, fingerprint, callPath, List.of(), List.of());
    }

    /** Every path's flow, this one first. */
    public List<List<FlowStep>> flows() {
        List<List<FlowStep>> all = new java.util.ArrayList<>();
        all.add(flow);
        all.addAll(otherFlows);
        return all;
    }

    public Finding withLevel(Level newLevel) {
        return new Finding(ruleId, newLevel, message, location, flow, fingerprint, callPath, otherFlows, related);
    }

    /** The same defect found once more (another configuration, another caller): its flows and places added. */
    public Finding merging(Finding other) {
        List<List<FlowStep>> flows = new java.util.ArrayList<>(otherFlows);
        for (List<FlowStep> candidate : other.flows()) {
            if (!candidate.equals(flow) && !flows.contains(candidate) && flows.size() + 1 < MAX_FLOWS) {
                flows.add(candidate);
            }
        }
        java.util.LinkedHashSet<FlowStep> places = new java.util.LinkedHashSet<>(related);
        places.addAll(other.related);
        return new Finding(ruleId, level, message, location, flow, fingerprint, callPath, flows, List.copyOf(places));
    }

    private static final int MAX_FLOWS = 8;

    public Finding(String ruleId, Level level, String message, SourceLocation location, List<FlowStep> flow,
            String fingerprint) {
        this(ruleId, level, message, location, flow, fingerprint, List.of(location));
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
