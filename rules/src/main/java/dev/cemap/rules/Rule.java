package dev.cemap.rules;

import dev.cemap.analyzer.check.Checker;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.Report;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.TraceStep;
import java.util.List;
import java.util.Optional;

/**
 * A rule is a checker of the replay (it implements the hooks it needs) with its metadata in one
 * {@link RuleInfo} annotation: id, level, summary, help. Rules keep no state of their own: what
 * they remember along a path is a fact of the path.
 */
public interface Rule extends Checker {

    /** The metadata on the implementing class. */
    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
        }
        return info;
    }

    @Override
    default String id() {
        return info().id();
    }

    /** Reports at the rule's default level. */
    default void report(CheckerContext context, CallSite site, String message, List<TraceStep> flow) {
        context.report(new Report(site, message, flow));
    }

    /** Reports at another level than the rule's default. */
    default void report(CheckerContext context, Level level, CallSite site, String message, List<TraceStep> flow) {
        context.report(new Report(site, message, flow, Optional.of(level)));
    }
}
