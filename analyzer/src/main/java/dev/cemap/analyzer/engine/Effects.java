package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.api.LibraryFunction;
import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.analyzer.summary.FunctionSummary;
import java.util.List;
import java.util.Optional;

/** Applies what a called function is known to do to the caller's path. */
final class Effects {

    private Effects() {
    }

    /** An SDK function of known effects: it writes through some arguments and keeps others. */
    static void ofLibrary(LibraryFunction function, List<Argument> arguments, PathState state, ReplaySession session) {
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            switch (function.effectOn(i)) {
                case READS -> { }
                case WRITES -> writeThrough(argument, state, session);
                case ESCAPES -> {
                    writeThrough(argument, state, session);
                    escape(argument.value(), state);
                }
            }
        }
    }

    /** A function of the scanned tree: its summary, applied to this call's arguments; the call's value. */
    static Value ofSummary(FunctionSummary summary, List<Argument> arguments, Optional<StorageKey> object,
            PathState state, ReplaySession session) {
        return SummaryApplication.apply(summary, arguments, object, state, session);
    }

    private static void writeThrough(Argument argument, PathState state, ReplaySession session) {
        if (argument.addressed().isPresent()) {
            session.bind(state, argument.addressed().get(), Value.unknown(), Bind.Kind.FORGOTTEN, "");
        } else {
            argument.storage().ifPresent(pointer -> {
                state.forgetBelow(pointer);
                session.checkers.bind(new Bind(pointer, Value.unknown(), Bind.Kind.FORGOTTEN, ""), state);
            });
            // The object the pointer reaches, where the replay keeps p->f when it knows it (a heap block).
            Pointee.objectOf(argument.value()).ifPresent(state::forgetBelow);
        }
    }

    /** The value was handed to code the replay cannot see: the region or heap block it points to escapes. */
    static void escape(Value value, PathState state) {
        Pointee pointee = value.pointee().orElse(null);
        if (pointee instanceof Pointee.Region region) {
            state.escape(region.regionId());
        } else if (pointee instanceof Pointee.Heap heap && heap.block() > 0) {
            state.escapeBlock(heap.block());
        }
    }
}
