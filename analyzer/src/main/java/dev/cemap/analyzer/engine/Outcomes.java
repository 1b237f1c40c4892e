package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Keeps the number of paths bounded: paths that behave alike from here on are kept once, and
 * beyond {@link #MAX_PATHS} the surplus is joined into the last kept one.
 */
final class Outcomes {

    static final int MAX_PATHS = 32;

    private Outcomes() {
    }

    /** Runs {@code next} on every outcome and gathers what each gives. */
    static List<Evaluated> then(List<Evaluated> outcomes, BiFunction<PathState, Value, List<Evaluated>> next) {
        if (outcomes.size() == 1) {
            Evaluated only = outcomes.get(0);
            return next.apply(only.state(), only.value());
        }
        List<Evaluated> result = new ArrayList<>();
        for (Evaluated outcome : outcomes) {
            result.addAll(next.apply(outcome.state(), outcome.value()));
        }
        return bounded(result);
    }

    static List<Evaluated> bounded(List<Evaluated> all) {
        if (all.size() <= MAX_PATHS) {
            return all;
        }
        List<Evaluated> kept = new ArrayList<>(all.subList(0, MAX_PATHS - 1));
        Evaluated rest = all.get(MAX_PATHS - 1);
        for (int i = MAX_PATHS; i < all.size(); i++) {
            Evaluated other = all.get(i);
            rest = new Evaluated(PathState.join(rest.state(), other.state()),
                    rest.value().equals(other.value()) ? rest.value() : Value.unknown());
        }
        kept.add(rest);
        return kept;
    }

    /** Paths that behave alike are kept once; at most {@link #MAX_PATHS}, the rest joined. */
    static List<PathState> boundedPaths(List<PathState> all) {
        if (all.size() <= 1) {
            return all;
        }
        Map<Object, PathState> distinct = new LinkedHashMap<>();
        for (PathState state : all) {
            distinct.putIfAbsent(state.equivalenceKey(), state);
        }
        List<PathState> paths = new ArrayList<>(distinct.values());
        if (paths.size() <= MAX_PATHS) {
            return paths;
        }
        List<PathState> kept = new ArrayList<>(paths.subList(0, MAX_PATHS - 1));
        PathState rest = paths.get(MAX_PATHS - 1);
        for (int i = MAX_PATHS; i < paths.size(); i++) {
            rest = PathState.join(rest, paths.get(i));
        }
        kept.add(rest);
        return kept;
    }
}
