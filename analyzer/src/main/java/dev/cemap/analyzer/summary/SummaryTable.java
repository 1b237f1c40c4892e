package dev.cemap.analyzer.summary;

import dev.cemap.analyzer.api.ApiTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The summaries of the scanned tree's functions, by the name a call uses, bound as the linker
 * binds: a {@code static} function in the caller's file first, else the one function of that name;
 * two of that name is ambiguous, which means unknown. A table may sit on an outer one (a file's
 * own functions over the tree's): the outer one answers what the inner one does not define.
 */
public final class SummaryTable {

    public static final SummaryTable EMPTY = new SummaryTable(Map.of(), null, (caller, definition) -> true);

    private final Map<String, List<Bound>> byName;
    private final SummaryTable outer;
    private final BiPredicate<Path, Path> linkage;

    /** A function with its resolved summary. */
    private record Bound(BodyEffects body, FunctionSummary summary) {
    }

    private SummaryTable(Map<String, List<Bound>> byName, SummaryTable outer, BiPredicate<Path, Path> linkage) {
        this.byName = byName;
        this.outer = outer;
        this.linkage = linkage;
    }

    /**
     * Resolves the bodies bottom-up: each body's summary is its direct effects plus what its
     * callees do to the places it hands them, until nothing more is learned (recursion included:
     * effects only grow, and there are finitely many places).
     *
     * @param linkage whether a call in one file can bind to a definition in another
     */
    public static SummaryTable of(List<BodyEffects> bodies, ApiTable apis, SummaryTable outer,
            BiPredicate<Path, Path> linkage) {
        Map<String, List<BodyEffects>> byName = new HashMap<>();
        bodies.forEach(body -> byName.computeIfAbsent(body.name(), n -> new ArrayList<>()).add(body));
        Map<BodyEffects, SummaryBuilder> current = new IdentityHashMap<>();
        bodies.forEach(body -> current.put(body, new SummaryBuilder(body.direct())));
        Binding binding = (callee, file) -> bind(byName.get(callee), file, linkage)
                .<CalleeEffects>map(body -> new CalleeEffects.Summarized(current.get(body).build(body.name())))
                .or(() -> outer == null ? Optional.empty()
                        : outer.summaryOf(callee, file).map(CalleeEffects.Summarized::new))
                .orElseGet(() -> CalleeEffects.known(callee, apis));
        boolean grew = true;
        for (int round = 0; grew && round < MAX_ROUNDS; round++) {
            grew = false;
            for (BodyEffects body : bodies) {
                SummaryBuilder summary = current.get(body);
                for (BodyEffects.Call call : body.calls()) {
                    grew |= summary.addCall(call, binding.effectsOf(call.callee(), body.file()));
                }
            }
        }
        Map<String, List<Bound>> resolved = new HashMap<>();
        byName.forEach((name, list) -> resolved.put(name, list.stream()
                .map(body -> new Bound(body, current.get(body).build(name))).toList()));
        return new SummaryTable(resolved, outer, linkage);
    }

    /** Rounds of the resolution; each adds what one more level of calls does. */
    private static final int MAX_ROUNDS = 64;

    /** The summary a call of {@code callee} from {@code callerFile} binds to, when exactly one does. */
    public Optional<FunctionSummary> summaryOf(String callee, Path callerFile) {
        List<Bound> candidates = byName.get(callee);
        if (candidates == null) {
            return outer == null ? Optional.empty() : outer.summaryOf(callee, callerFile);
        }
        return bind(candidates.stream().map(Bound::body).toList(), callerFile, linkage).flatMap(body -> candidates.stream()
                .filter(bound -> bound.body() == body).map(Bound::summary).findFirst());
    }

    private static Optional<BodyEffects> bind(List<BodyEffects> candidates, Path callerFile,
            BiPredicate<Path, Path> linkage) {
        if (candidates == null) {
            return Optional.empty();
        }
        List<BodyEffects> sameFileStatic = candidates.stream()
                .filter(body -> body.isStatic() && body.file().equals(callerFile)).toList();
        if (sameFileStatic.size() == 1) {
            return Optional.of(sameFileStatic.get(0));
        }
        List<BodyEffects> visible = candidates.stream()
                .filter(body -> !body.isStatic() && linkage.test(callerFile, body.file())).toList();
        return visible.size() == 1 ? Optional.of(visible.get(0)) : Optional.empty();
    }

    /** How a callee is found while resolving. */
    private interface Binding {
        CalleeEffects effectsOf(String callee, Path callerFile);
    }
}
