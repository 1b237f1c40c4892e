package dev.cemap.analyzer.check;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.TraceStep;
import java.util.List;
import java.util.Optional;

/**
 * A defect a checker found.
 *
 * @param site     the call at fault; inside a wrapper, its {@code via} leads to the replayed function
 * @param message  what is wrong and how to fix it, naming the values involved
 * @param flow     the steps of one path that proves it
 * @param level    a level other than the rule's default, when this report warrants one
 * @param related  other places that explain it (where a leaked mapping is lost), each with a note
 */
public record Report(CallSite site, String message, List<TraceStep> flow, Optional<Level> level,
        List<TraceStep> related) {

    public Report {
        flow = List.copyOf(flow);
        related = List.copyOf(related);
    }

    public Report(CallSite site, String message, List<TraceStep> flow, Optional<Level> level) {
        this(site, message, flow, level, List.of());
    }

    public Report(CallSite site, String message, List<TraceStep> flow) {
        this(site, message, flow, Optional.empty(), List.of());
    }
}
