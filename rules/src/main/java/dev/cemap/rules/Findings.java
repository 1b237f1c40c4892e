package dev.cemap.rules;

import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.check.Report;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.TraceStep;
import java.util.ArrayList;
import java.util.List;

/** Turns what a rule reported during a replay into a finding a user reads. */
final class Findings {

    private Findings() {
    }

    /**
     * A call inside a wrapper is reported where the replayed function calls the wrapper, with the
     * wrapper calls leading to it first in the flow.
     *
     * @param function the replayed function, or "" for a report about the file itself
     */
    static Finding of(Diagnostic diagnostic, Rule rule, String function) {
        Report report = diagnostic.report();
        CallSite site = report.site();
        List<List<FlowStep>> flows = diagnostic.flows().stream().map(flow -> steps(site, flow)).toList();
        List<FlowStep> related = diagnostic.related().stream().map(step -> new FlowStep(step.location(), step.message()))
                .toList();
        List<SourceLocation> callPath = new ArrayList<>();
        site.via().forEach(call -> callPath.add(call.location()));
        callPath.add(site.location());
        return new Finding(rule.id(), report.level().orElse(rule.info().level()), report.message(),
                site.reportLocation(), flows.get(0), fingerprint(site, function), callPath,
                flows.subList(1, flows.size()), related);
    }

    private static List<FlowStep> steps(CallSite site, List<TraceStep> flow) {
        List<FlowStep> steps = new ArrayList<>();
        for (CallSite call : site.via()) {
            steps.add(new FlowStep(call.location(), "calls " + call.callee() + "(" + String.join(", ",
                    call.argumentTexts()) + ")"));
        }
        for (TraceStep step : flow) {
            steps.add(new FlowStep(step.location(), step.message()));
        }
        return steps;
    }

    /**
     * The fingerprint names the function and the call as written, not the line, so that a finding
     * keeps its identity when code above it moves. A report about the file names what it is about.
     */
    private static String fingerprint(CallSite site, String function) {
        if (function.isEmpty()) {
            return site.callee();
        }
        CallSite anchor = site.via().isEmpty() ? site : site.via().get(0);
        return function + "|" + anchor.callee() + "(" + String.join(",", anchor.argumentTexts())
                .replaceAll("\\s+", "") + ")" + (site.via().isEmpty() ? "" : ">" + site.callee());
    }
}
