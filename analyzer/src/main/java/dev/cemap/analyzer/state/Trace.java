package dev.cemap.analyzer.state;

import dev.cemap.analyzer.replay.TraceStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The steps of one path, shared between the paths forked from it: each fork only adds its own
 * steps on top of the common prefix.
 */
public final class Trace {

    /** Paths longer than this keep their first steps and their last ones. */
    private static final int MAX_STEPS = 64;

    public static final Trace EMPTY = new Trace(null, null, 0);

    private final Trace previous;
    private final TraceStep step;
    private final int length;

    private Trace(Trace previous, TraceStep step, int length) {
        this.previous = previous;
        this.step = step;
        this.length = length;
    }

    public int length() {
        return length;
    }

    public Trace then(TraceStep next) {
        return new Trace(this, next, length + 1);
    }

    public List<TraceStep> steps() {
        List<TraceStep> steps = new ArrayList<>(Math.min(length, MAX_STEPS));
        for (Trace t = this; t != null && t.step != null; t = t.previous) {
            steps.add(t.step);
        }
        Collections.reverse(steps);
        if (steps.size() <= MAX_STEPS) {
            return steps;
        }
        List<TraceStep> kept = new ArrayList<>(steps.subList(0, MAX_STEPS / 2));
        kept.addAll(steps.subList(steps.size() - MAX_STEPS / 2, steps.size()));
        return kept;
    }
}
