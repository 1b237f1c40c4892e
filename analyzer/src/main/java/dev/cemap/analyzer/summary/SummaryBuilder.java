package dev.cemap.analyzer.summary;

import dev.cemap.analyzer.api.LibraryFunction;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A function's summary as the resolution grows it: its direct effects, then what each callee
 * does to the places the function hands it, translated into the function's own places.
 */
final class SummaryBuilder {

    private final Set<AccessPath> writes;
    private final Set<AccessPath> escapes;
    private final Set<FunctionSummary.Copy> stores;
    private final Set<AccessPath> returns;

    SummaryBuilder(FunctionSummary direct) {
        writes = new HashSet<>(direct.writes());
        escapes = new HashSet<>(direct.escapes());
        stores = new HashSet<>(direct.stores());
        returns = new HashSet<>(direct.returns());
    }

    FunctionSummary build(String name) {
        return new FunctionSummary(name, writes, escapes, stores, returns);
    }

    /** Adds what one call does; true when the summary grew. */
    boolean addCall(BodyEffects.Call call, CalleeEffects callee) {
        int before = writes.size() + escapes.size() + stores.size();
        if (callee instanceof CalleeEffects.Summarized summarized) {
            addSummarized(call, summarized.summary());
        } else if (callee instanceof CalleeEffects.Library library) {
            for (BodyEffects.Passed passed : call.passed()) {
                LibraryFunction.Effect effect = passed.argument() < 0 ? LibraryFunction.Effect.ESCAPES
                        : library.function().effectOn(passed.argument());
                if (effect != LibraryFunction.Effect.READS) {
                    writeThrough(passed);
                }
                if (effect == LibraryFunction.Effect.ESCAPES) {
                    escapes.add(passed.place());
                }
            }
        } else if (callee instanceof CalleeEffects.KeepsNothing) {
            for (BodyEffects.Passed passed : call.passed()) {
                if (passed.addressOf()) {
                    writes.add(passed.place());
                }
            }
        } else {
            for (BodyEffects.Passed passed : call.passed()) {
                escapes.add(passed.place());
                if (passed.addressOf()) {
                    writes.add(passed.place());
                }
            }
        }
        return writes.size() + escapes.size() + stores.size() > before;
    }

    private void writeThrough(BodyEffects.Passed passed) {
        writes.add(passed.addressOf() ? passed.place() : passed.place().field(AccessPath.ANY));
    }

    private void addSummarized(BodyEffects.Call call, FunctionSummary callee) {
        for (AccessPath written : callee.writes()) {
            if (!(written.root() == AccessPath.Root.PARAMETER && written.isValue())) {
                translate(written, call).filter(SummaryBuilder::isVisible).ifPresent(writes::add);
            }
        }
        for (AccessPath escaping : callee.escapes()) {
            translate(escaping, call).ifPresent(escapes::add);
        }
        for (FunctionSummary.Copy copy : callee.stores()) {
            Optional<AccessPath> from = translate(copy.from(), call);
            Optional<AccessPath> to = translate(copy.to(), call).filter(SummaryBuilder::isVisible);
            if (from.isPresent() && to.isPresent()) {
                stores.add(new FunctionSummary.Copy(from.get(), to.get()));
            } else if (from.isPresent() && !copy.to().isValue()) {
                // Stored where this function's callers cannot see: kept out of their reach.
                escapes.add(from.get());
            }
        }
    }

    /**
     * A callee's place as this function names it: the callee's parameter {@code k} is what this
     * call passes as argument {@code k}; globals are the same everywhere; a parameter the call
     * passes no place of (a constant, a local) names nothing this function's callers can see.
     */
    private static Optional<AccessPath> translate(AccessPath calleePlace, BodyEffects.Call call) {
        if (calleePlace.root() == AccessPath.Root.GLOBAL) {
            return Optional.of(calleePlace);
        }
        int argument = calleePlace.root() == AccessPath.Root.THIS ? -1 : calleePlace.parameter();
        for (BodyEffects.Passed passed : call.passed()) {
            if (passed.argument() == argument) {
                if (passed.addressOf() && calleePlace.isValue()) {
                    return Optional.of(passed.place().field(AccessPath.ANY)); // the address of the place
                }
                return Optional.of(calleePlace.under(passed.place()));
            }
        }
        return Optional.empty();
    }

    private static boolean isVisible(AccessPath path) {
        return !(path.root() == AccessPath.Root.PARAMETER && path.isValue());
    }
}
