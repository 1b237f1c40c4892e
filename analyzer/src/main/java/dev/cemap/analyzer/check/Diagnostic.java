package dev.cemap.analyzer.check;

import dev.cemap.analyzer.replay.TraceStep;
import java.util.List;

/**
 * What a checker reported about one place, as the replay of a function hands it on: the same
 * report from several paths is one diagnostic with each path's flow and every related place.
 *
 * @param checkerId  the reporting checker's id (the rule id)
 * @param report     the first report
 * @param flows      the flow of every path that reported it, the first report's first
 * @param related    the related places of all of them, in order, once each
 */
public record Diagnostic(String checkerId, Report report, List<List<TraceStep>> flows, List<TraceStep> related) {

    public Diagnostic {
        flows = flows.stream().map(List::copyOf).toList();
        related = List.copyOf(related);
    }

    public Diagnostic(String checkerId, Report report) {
        this(checkerId, report, List.of(report.flow()), report.related());
    }

    /** This diagnostic, also reported with another path's flow and related places. */
    public Diagnostic with(Report other) {
        List<List<TraceStep>> allFlows = new java.util.ArrayList<>(flows);
        if (!allFlows.contains(other.flow()) && allFlows.size() < MAX_FLOWS) {
            allFlows.add(other.flow());
        }
        java.util.LinkedHashSet<TraceStep> allRelated = new java.util.LinkedHashSet<>(related);
        allRelated.addAll(other.related());
        return new Diagnostic(checkerId, report, allFlows, List.copyOf(allRelated));
    }

    /** Paths kept per result: enough to show each way to the defect without burying it. */
    public static final int MAX_FLOWS = 8;
}
