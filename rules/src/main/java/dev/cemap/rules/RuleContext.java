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

    public void report(Rule rule, Level level, CallSite site, String message, List<FlowStep> flow) {
        // The fingerprint names the function and the call as written, not the line, so that a
        // finding keeps its identity when code above it moves.
        String fingerprint = replay.function() + "|" + site.callee() + "(" + String.join(",", site.argumentTexts())
                .replaceAll("\\s+", "") + ")";
        findings.add(new Finding(rule.info().id(), level, message, site.location(), flow, fingerprint));
    }

    public List<Finding> findings() {
        return findings;
    }
}
