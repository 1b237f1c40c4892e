package dev.cemap.rules;

import dev.cemap.analyzer.check.FileFacts;
import dev.cemap.analyzer.engine.CheckerProbe;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.project.BspFacts;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.CeVersion;
import java.nio.file.Path;
import java.util.List;

/** Runs one rule's hooks on hand-made events, without a replay: for rules that only read events and facts. */
public final class CheckerHarness {

    private CheckerHarness() {
    }

    /** The findings {@code rule} reports on these events of a function {@code Init} in {@code file}. */
    public static List<Finding> onEvents(Rule rule, CeVersion target, BspFacts bsp, Path file, ReplayEvent... events) {
        CheckerProbe probe = new CheckerProbe(List.of(rule), target, bsp, "Init", SourceLocation.of(file, 1, 1));
        for (ReplayEvent event : events) {
            probe.call(event);
        }
        return probe.diagnostics().stream().map(d -> Findings.of(d, rule, "Init")).toList();
    }

    /** The findings {@code rule} reports on a file's own facts. */
    public static List<Finding> onFile(Rule rule, CeVersion target, FileFacts file) {
        CheckerProbe probe = new CheckerProbe(List.of(rule), target, BspFacts.NONE, "", SourceLocation.of(file.file(), 1, 1));
        return probe.file(file).diagnostics().stream().map(d -> Findings.of(d, rule, "")).toList();
    }
}
