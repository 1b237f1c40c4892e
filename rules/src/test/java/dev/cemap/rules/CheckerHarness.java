package dev.cemap.rules;

import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.Diagnostic;
import dev.cemap.analyzer.check.FactKey;
import dev.cemap.analyzer.check.FileFacts;
import dev.cemap.analyzer.check.PathView;
import dev.cemap.analyzer.check.Report;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one rule's hooks on hand-made events, without a replay: for rules that only read events and facts. */
public final class CheckerHarness implements CheckerContext {

    private final CeVersion target;
    private final BspFacts bsp;
    private final SourceLocation function;
    private final PathState path;
    private final Map<FactKey<?>, Object> rootFacts = new HashMap<>();
    private final List<Report> reports = new ArrayList<>();

    private CheckerHarness(CeVersion target, BspFacts bsp, Path file) {
        this.target = target;
        this.bsp = bsp;
        this.function = SourceLocation.of(file, 1, 1);
        this.path = new PathState(target);
    }

    /** The findings {@code rule} reports on these events of a function {@code Init} in {@code file}. */
    public static List<Finding> onEvents(Rule rule, CeVersion target, BspFacts bsp, Path file, ReplayEvent... events) {
        CheckerHarness harness = new CheckerHarness(target, bsp, file);
        for (ReplayEvent event : events) {
            rule.onCall(event, harness);
        }
        return harness.findings(rule, "Init");
    }

    /** The findings {@code rule} reports on a file's own facts. */
    public static List<Finding> onFile(Rule rule, CeVersion target, FileFacts file) {
        CheckerHarness harness = new CheckerHarness(target, BspFacts.NONE, file.file());
        rule.onFile(file, harness);
        return harness.findings(rule, "");
    }

    private List<Finding> findings(Rule rule, String functionName) {
        return reports.stream().map(report -> Findings.of(new Diagnostic(rule.id(), report), rule, functionName))
                .toList();
    }

    @Override
    public PathView path() {
        return path;
    }

    @Override
    public <T> void setFact(FactKey<T> key, T value) {
        path.setFact(key, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T rootFact(FactKey<T> key) {
        return (T) rootFacts.getOrDefault(key, key.absent());
    }

    @Override
    public <T> void setRootFact(FactKey<T> key, T value) {
        rootFacts.put(key, value);
    }

    @Override
    public Optional<RegionOrigin> region(int regionId) {
        return Optional.empty();
    }

    @Override
    public String function() {
        return "Init";
    }

    @Override
    public SourceLocation functionLocation() {
        return function;
    }

    @Override
    public CeVersion target() {
        return target;
    }

    @Override
    public BspFacts bsp() {
        return bsp;
    }

    @Override
    public String configuration() {
        return "";
    }

    @Override
    public boolean inPairedExit() {
        return false;
    }

    @Override
    public void report(Report report) {
        if (!reports.contains(report)) {
            reports.add(report);
        }
    }
}
