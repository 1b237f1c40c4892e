package dev.cemap.rules;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.MacroDefinition;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.project.ExecutionContext;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a rule sees of one replayed function, and where it reports. */
public final class RuleContext {

    private final FunctionReplay replay;
    private final BspFacts bsp;
    private final List<MacroDefinition> macros;
    private final List<Finding> findings = new ArrayList<>();

    public RuleContext(FunctionReplay replay) {
        this(replay, BspFacts.NONE);
    }

    /** @param bsp what the project model knows about the BSP around the function's file */
    public RuleContext(FunctionReplay replay, BspFacts bsp) {
        this(replay, bsp, List.of());
    }

    private RuleContext(FunctionReplay replay, BspFacts bsp, List<MacroDefinition> macros) {
        this.replay = replay;
        this.bsp = bsp;
        this.macros = List.copyOf(macros);
    }

    /**
     * The facts of a whole file rather than of one function: its {@code #define}s. It has no
     * replay events, so rules on events find nothing in it, and function contexts have no macros,
     * so a file-level rule reports each definition once.
     */
    public static RuleContext forFile(Path file, CeVersion target, List<MacroDefinition> macros, BspFacts bsp) {
        FunctionReplay none = new FunctionReplay("", SourceLocation.of(file, 1, 1), target, List.of());
        return new RuleContext(none, bsp, macros);
    }

    public FunctionReplay replay() {
        return replay;
    }

    public CeVersion target() {
        return replay.target();
    }

    /** The BSP facts: modules, execution contexts, kernel RAM. */
    public BspFacts bsp() {
        return bsp;
    }

    /**
     * How the code of the replayed function runs: one context per way its module is loaded. A
     * replay that assumed one driver key's registry windows speaks for that key only.
     */
    public List<ExecutionContext> executionContexts() {
        List<ExecutionContext> all = bsp.contextsOf(replay.location().file());
        if (replay.configuration().isEmpty()) {
            return all;
        }
        return all.stream().filter(context -> context.driver()
                .map(driver -> RegistryWindows.describe(driver).equals(replay.configuration())).orElse(true))
                .toList();
    }

    /** The file's {@code #define}s; empty except in a {@link #forFile} context. */
    public List<MacroDefinition> macros() {
        return macros;
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
        List<dev.cemap.analyzer.model.SourceLocation> callPath = new ArrayList<>();
        site.via().forEach(call -> callPath.add(call.location()));
        callPath.add(site.location());
        findings.add(new Finding(rule.info().id(), level, message, site.reportLocation(), steps, fingerprint,
                callPath));
    }

    /** Reports something that is not a call (a {@code #define}); {@code identity} names it for the fingerprint. */
    public void report(Rule rule, SourceLocation location, String message, String identity) {
        findings.add(new Finding(rule.info().id(), rule.info().level(), message, location, List.of(), identity));
    }

    public List<Finding> findings() {
        return findings;
    }
}
