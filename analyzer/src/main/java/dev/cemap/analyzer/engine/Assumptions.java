package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Symbol;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;
import java.util.Optional;

/**
 * What a path learns when a value it tests has a given truth: a known number either allows the
 * path or not; a call's success symbol tells whether the call succeeded; a region pointer (or its
 * symbol) tells whether the allocation returned NULL. Anything else teaches nothing.
 */
final class Assumptions {

    private Assumptions() {
    }

    /**
     * The path on which {@code value} has the truth {@code truth}, or empty when the path cannot
     * have it. The state is changed in place: fork it first when the other truth is needed too.
     */
    static Optional<PathState> assume(PathState state, Value value, boolean truth) {
        if (value.isKnown() && value.pointee().isEmpty()) {
            return (value.longValue() != 0) == truth ? Optional.of(state) : Optional.empty();
        }
        Optional<Symbol> symbol = symbolOf(value);
        if (symbol.isEmpty()) {
            return Optional.of(state);
        }
        boolean holds = truth != symbol.get().negated();
        int id = symbol.get().id();
        if (symbol.get().kind() == Symbol.Kind.CALL_SUCCEEDED) {
            state.learnOutcome(id, holds);
            return Optional.of(state);
        }
        if (symbol.get().kind() == Symbol.Kind.BLOCK_NOT_NULL) {
            if (!state.canBlockBeNull(id, !holds)) {
                return Optional.empty();
            }
            state.learnBlockNull(id, !holds);
            return Optional.of(state);
        }
        if (!state.canBeNull(id, !holds)) {
            return Optional.empty();
        }
        state.learnNull(id, !holds);
        return Optional.of(state);
    }

    /** The truth a value stands for: its own symbol, or "not NULL" for a region pointer. */
    static Optional<Symbol> symbolOf(Value value) {
        if (value.symbol().isPresent()) {
            return value.symbol();
        }
        if (value.pointee().orElse(null) instanceof Pointee.Region region) {
            return Optional.of(Symbol.notNull(region.regionId()));
        }
        if (value.pointee().orElse(null) instanceof Pointee.Heap heap && heap.block() > 0) {
            return Optional.of(Symbol.blockNotNull(heap.block()));
        }
        return Optional.empty();
    }

    /** A value used as a truth value, as {@code !!v} would give it: 0, 1, a symbol, or unknown. */
    static Value truthOf(Value value) {
        if (value.isKnown() && value.pointee().isEmpty()) {
            return Value.of(value.longValue() != 0 ? 1 : 0);
        }
        return symbolOf(value).map(Value::of).orElse(Value.unknown());
    }
}
