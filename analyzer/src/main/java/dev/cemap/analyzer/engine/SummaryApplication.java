package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.check.Bind;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.Argument;
import dev.cemap.analyzer.state.PathState;
import dev.cemap.analyzer.summary.AccessPath;
import dev.cemap.analyzer.summary.FunctionSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A summary applied at one call: each access path of the summary names a place of the caller
 * ({@code param0->pRegs} is {@code pDev->pRegs} when the call passes {@code pDev}), and only
 * those places are forgotten, copied or let escape.
 */
final class SummaryApplication {

    private final List<Argument> arguments;
    private final Optional<StorageKey> object;
    private final PathState state;
    private final ReplaySession session;

    private SummaryApplication(List<Argument> arguments, Optional<StorageKey> object, PathState state,
            ReplaySession session) {
        this.arguments = arguments;
        this.object = object;
        this.state = state;
        this.session = session;
    }

    /** Applies the summary; the call's value when the function returns one place the caller can name. */
    static Value apply(FunctionSummary summary, List<Argument> arguments, Optional<StorageKey> object, PathState state,
            ReplaySession session) {
        return new SummaryApplication(arguments, object, state, session).apply(summary);
    }

    private Value apply(FunctionSummary summary) {
        Value returned = summary.returns().size() == 1 ? valueAt(summary.returns().iterator().next())
                : Value.unknown();
        // Values are read before anything is written: the callee saw the caller's state on entry.
        for (FunctionSummary.Copy copy : summary.stores()) {
            Value value = valueAt(copy.from());
            Optional<StorageKey> target = place(copy.to());
            if (target.isPresent() && !copy.to().endsAnywhere()) {
                session.bind(state, target.get(), value, Bind.Kind.ASSIGNED, "");
            } else {
                Effects.escape(value, state);
            }
        }
        for (AccessPath escaping : summary.escapes()) {
            Effects.escape(valueAt(escaping), state);
            if (escaping.endsAnywhere()) {
                base(escaping).ifPresent(key -> valuesBelow(key).forEach(value -> Effects.escape(value, state)));
            }
        }
        for (AccessPath written : summary.writes()) {
            if (written.root() == AccessPath.Root.PARAMETER && written.isValue()) {
                continue; // the callee's own copy of the argument
            }
            boolean wholePlace = isAddressed(written) && written.fields().equals(List.of(AccessPath.ANY));
            Optional<StorageKey> key = written.endsAnywhere() ? base(written) : place(written);
            key.ifPresent(k -> {
                // The summary says the place may change on some path, not to what: a mapping held
                // there may have been kept elsewhere, so it is no longer this path's to lose.
                valuesBelow(k).forEach(value -> Effects.escape(value, state));
                if (written.endsAnywhere() && !wholePlace) {
                    state.forgetBelow(k);
                    session.checkers.bind(new Bind(k, Value.unknown(), Bind.Kind.FORGOTTEN, ""), state);
                } else {
                    Effects.escape(state.read(k) == null ? Value.unknown() : state.read(k), state);
                    session.bind(state, k, Value.unknown(), Bind.Kind.FORGOTTEN, "");
                }
            });
        }
        return returned;
    }

    /** The caller's value at a path: a parameter's argument, or what the caller stored there. */
    private Value valueAt(AccessPath path) {
        if (path.root() == AccessPath.Root.PARAMETER && path.isValue()) {
            return path.parameter() < arguments.size() ? arguments.get(path.parameter()).value() : Value.unknown();
        }
        if (path.endsAnywhere()) {
            return Value.unknown();
        }
        return place(path).map(state::read).orElse(Value.unknown());
    }

    /** The caller's storage a path names. */
    private Optional<StorageKey> place(AccessPath path) {
        Optional<StorageKey> key = rootKey(path);
        List<String> fields = path.fields();
        if (isAddressed(path) && !fields.isEmpty() && fields.get(0).equals(AccessPath.ANY)) {
            return key; // *p for p = &x is x itself
        }
        for (String field : fields) {
            if (field.equals(AccessPath.ANY) || key.isEmpty()) {
                return key;
            }
            key = Optional.of(new StorageKey.Field(key.get(), field));
        }
        return key;
    }

    /** The storage a path ending in "*" reaches everything below. */
    private Optional<StorageKey> base(AccessPath path) {
        return place(path);
    }

    /** A parameter given {@code &x}: what the callee reaches through it is {@code x}. */
    private boolean isAddressed(AccessPath path) {
        return path.root() == AccessPath.Root.PARAMETER && path.parameter() < arguments.size()
                && arguments.get(path.parameter()).addressed().isPresent();
    }

    private Optional<StorageKey> rootKey(AccessPath path) {
        return switch (path.root()) {
            case PARAMETER -> path.parameter() < arguments.size() ? objectOf(arguments.get(path.parameter()))
                    : Optional.empty();
            case THIS -> Optional.of(object.orElse(new StorageKey.This()));
            case GLOBAL -> Optional.of(new StorageKey.Global(path.global(), path.scope()));
        };
    }

    /** What the callee reaches through an argument: {@code x} for {@code &x}, else the object the pointer points to. */
    private Optional<StorageKey> objectOf(Argument argument) {
        if (argument.addressed().isPresent()) {
            return argument.addressed();
        }
        return Pointee.objectOf(argument.value()).or(argument::storage);
    }

    private List<Value> valuesBelow(StorageKey key) {
        return state.values().entrySet().stream().filter(entry -> key.isPrefixOf(entry.getKey()))
                .map(Map.Entry::getValue).toList();
    }
}
