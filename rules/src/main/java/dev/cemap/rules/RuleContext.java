package dev.cemap.rules;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.CeVersion;
import java.util.ArrayList;
import java.util.List;

/** What a rule sees of one replayed function, and where it reports. */
public final class RuleContext {

    private final FunctionReplay replay;
    private final List<Finding> findings = new ArrayList<>();

    public RuleContext(FunctionReplay replay) {
        this.replay = replay;
    }

    public FunctionReplay replay() {
        return replay;
    }

    public CeVersion target() {
        return replay.target();
    }

    /** The events of one kind, in replay order. */
    public <T extends ReplayEvent> List<T> events(Class<T> kind) {
        return replay.events().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Reports at the rule's default level. */
    public void report(Rule rule, CallSite site, String message, List<FlowStep> flow) {
        report(rule, rule.info().level(), site, message, flow);
    }

    /**
     * A call inside a wrapper is reported where the replayed function calls the wrapper, with the
     * wrapper calls leading to it first in the flow.
     */
    public void report(Rule rule, Level level, CallSite site, String message, List<FlowStep> flow) {
        List<FlowStep> steps = new ArrayList<>();
        for (CallSite call : site.via()) {
            steps.add(new FlowStep(call.location(), "calls " + call.callee() + "(" + String.join(", ",
                    call.argumentTexts()) + ")"));
        }
        steps.addAll(flow);
        // The fingerprint names the function and the call as written, not the line, so that a
        // finding keeps its identity when code above it moves.
        CallSite anchor = site.via().isEmpty() ? site : site.via().get(0);
        String fingerprint = replay.function() + "|" + anchor.callee() + "(" + String.join(",", anchor.argumentTexts())
                .replaceAll("\\s+", "") + ")" + (site.via().isEmpty() ? "" : ">" + site.callee());
        findings.add(new Finding(rule.info().id(), level, message, site.reportLocation(), steps, fingerprint,
                site.isInlined() ? java.util.Optional.of(site.location()) : java.util.Optional.empty()));
    }

    public List<Finding> findings() {
        return findings;
    }
}
