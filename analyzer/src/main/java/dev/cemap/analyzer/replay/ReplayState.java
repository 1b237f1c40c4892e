package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.emulator.CeVersion;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What one replayed path knows: stored values, its emulated address space, whether it ended. */
final class ReplayState {

    private final Map<StorageKey, Value> values;
    private final Emulation emulation;
    private boolean terminated;

    ReplayState(CeVersion version) {
        this(new HashMap<>(), new Emulation(version));
    }

    private ReplayState(Map<StorageKey, Value> values, Emulation emulation) {
        this.values = values;
        this.emulation = emulation;
    }

    ReplayState fork() {
        return new ReplayState(new HashMap<>(values), emulation.fork());
    }

    Value read(StorageKey key) {
        return values.get(key);
    }

    void write(StorageKey key, Value value) {
        values.keySet().removeIf(existing -> !existing.equals(key) && key.isPrefixOf(existing));
        values.put(key, value);
    }

    /** Forgets what is stored at these keys and everything reached through them. */
    void havoc(Collection<StorageKey> keys) {
        for (StorageKey key : keys) {
            values.keySet().removeIf(key::isPrefixOf);
        }
    }

    Emulation emulation() {
        return emulation;
    }

    boolean isTerminated() {
        return terminated;
    }

    void terminate() {
        terminated = true;
    }

    /**
     * Where two live paths meet: a value survives only where both agree. The emulated memory is
     * that of the path with more mapping operations (the branch that did the work), because the
     * emulator cannot represent "either"; the loss is precision, never a fabricated state.
     */
    static ReplayState join(ReplayState a, ReplayState b) {
        if (a.terminated) {
            return b;
        }
        if (b.terminated) {
            return a;
        }
        Map<StorageKey, Value> agreed = new HashMap<>();
        a.values.forEach((key, value) -> {
            if (value.equals(b.values.get(key))) {
                agreed.put(key, value);
            }
        });
        Emulation memory = a.emulation.operationCount() >= b.emulation.operationCount() ? a.emulation : b.emulation;
        return new ReplayState(agreed, memory);
    }
}
