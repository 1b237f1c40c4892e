package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.state.PathState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the paths of a function body are after a statement: the live ones that go on to the
 * next statement, and those that left it by {@code break}, {@code continue}, {@code return} or
 * {@code goto} and wait for the statement that receives them. Statements take a flow and give a
 * new one; a loop or a switch gives its body an {@link #inner} flow of its own break and continue
 * targets.
 */
final class Flow {

    private final List<PathState> live;
    private final List<PathState> breaks;
    private final List<PathState> continues;
    private final List<Exit> returns;
    private final Map<String, List<PathState>> gotos;

    private Flow(List<PathState> live, List<PathState> breaks, List<PathState> continues, List<Exit> returns,
            Map<String, List<PathState>> gotos) {
        this.live = List.copyOf(live);
        this.breaks = List.copyOf(breaks);
        this.continues = List.copyOf(continues);
        this.returns = List.copyOf(returns);
        this.gotos = Map.copyOf(gotos);
    }

    static Flow of(List<PathState> live) {
        return new Flow(live, List.of(), List.of(), List.of(), Map.of());
    }

    List<PathState> live() {
        return live;
    }

    List<PathState> breaks() {
        return breaks;
    }

    List<PathState> continues() {
        return continues;
    }

    List<Exit> returns() {
        return returns;
    }

    Flow withLive(List<PathState> paths) {
        return new Flow(paths, breaks, continues, returns, gotos);
    }

    /** The live paths leave the enclosing loop or switch. */
    Flow broke() {
        return new Flow(List.of(), concat(breaks, live), continues, returns, gotos);
    }

    /** The live paths go to the next iteration. */
    Flow continued() {
        return new Flow(List.of(), breaks, concat(continues, live), returns, gotos);
    }

    Flow returned(List<Exit> exits) {
        return new Flow(List.of(), breaks, continues, concat(returns, exits), gotos);
    }

    Flow jumped(String label) {
        Map<String, List<PathState>> pending = new HashMap<>(gotos);
        pending.merge(label, live, Flow::concat);
        return new Flow(List.of(), breaks, continues, returns, pending);
    }

    /** A label: the live paths and those that jumped to it go on together. */
    Flow arrived(String label) {
        List<PathState> jumped = gotos.get(label);
        if (jumped == null) {
            return this;
        }
        Map<String, List<PathState>> pending = new HashMap<>(gotos);
        pending.remove(label);
        return new Flow(concat(live, jumped), breaks, continues, returns, pending);
    }

    /** A loop or switch body entered by {@code entry}: its own breaks and continues, the rest shared. */
    Flow inner(List<PathState> entry) {
        return new Flow(entry, List.of(), List.of(), returns, gotos);
    }

    /** Back from an inner flow: its returns and jumps, with the paths that leave the loop or switch. */
    Flow after(Flow inner, List<PathState> leaving) {
        return new Flow(leaving, breaks, continues, inner.returns, inner.gotos);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
