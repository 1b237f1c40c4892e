package dev.cemap.analyzer.state;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values one path has stored, by where they are stored. Writing a key forgets what was
 * stored below it ({@code p = …} forgets {@code p->f}); what was never written is unknown.
 */
final class Store {

    private final Map<StorageKey, Value> values;
    /** Paths are compared at every statement: the hash is kept until the next change. */
    private int hash;
    private boolean hashed;

    Store() {
        this(new HashMap<>());
    }

    private Store(Map<StorageKey, Value> values) {
        this.values = values;
    }

    Store copy() {
        return new Store(new HashMap<>(values));
    }

    Value read(StorageKey key) {
        return values.get(key);
    }

    void write(StorageKey key, Value value) {
        hashed = false;
        values.keySet().removeIf(existing -> !existing.equals(key) && key.isPrefixOf(existing));
        values.put(key, value);
    }

    /** Forgets what is stored at these keys and everything reached through them. */
    void forget(Collection<StorageKey> keys) {
        hashed = false;
        for (StorageKey key : keys) {
            values.keySet().removeIf(key::isPrefixOf);
        }
    }

    /** Forgets what is reached through {@code key} ({@code p->f}, {@code p[i]}) but not {@code key} itself. */
    void forgetBelow(StorageKey key) {
        hashed = false;
        values.keySet().removeIf(existing -> !existing.equals(key) && key.isPrefixOf(existing));
    }

    Map<StorageKey, Value> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Moves what is stored under {@code from} to {@code to} ({@code pDev->m_x} becomes {@code this->m_x}). */
    void rebase(StorageKey from, StorageKey to) {
        hashed = false;
        Map<StorageKey, Value> moved = new HashMap<>();
        values.entrySet().removeIf(entry -> {
            StorageKey rebased = entry.getKey().rebased(from, to);
            if (rebased == entry.getKey()) {
                return false;
            }
            moved.put(rebased, entry.getValue());
            return true;
        });
        values.putAll(moved);
    }

    /** Takes out everything stored under {@code root}, for {@link #restore}. */
    Map<StorageKey, Value> stash(StorageKey root) {
        hashed = false;
        Map<StorageKey, Value> stashed = new HashMap<>();
        values.entrySet().removeIf(entry -> {
            if (root.isPrefixOf(entry.getKey())) {
                stashed.put(entry.getKey(), entry.getValue());
                return true;
            }
            return false;
        });
        return stashed;
    }

    void restore(Map<StorageKey, Value> stashed) {
        hashed = false;
        values.putAll(stashed);
    }

    /**
     * What two joined paths both know: a value survives where they agree, and a region pointer
     * that is NULL on one of them is kept as "the region or NULL".
     */
    static Store join(Store a, Store b) {
        Map<StorageKey, Value> agreed = new HashMap<>();
        a.values.forEach((key, value) -> {
            Value other = b.values.get(key);
            if (other != null) {
                joinValues(value, other).ifPresent(joined -> agreed.put(key, joined));
            }
        });
        return new Store(agreed);
    }

    static Optional<Value> joinValues(Value a, Value b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (a.pointee().orElse(null) instanceof Pointee.Region && isNull(b)) {
            return Optional.of(a);
        }
        if (b.pointee().orElse(null) instanceof Pointee.Region && isNull(a)) {
            return Optional.of(b);
        }
        return Optional.empty();
    }

    private static boolean isNull(Value value) {
        return value.isKnown() && value.longValue() == 0 && value.pointee().isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Store store && values.equals(store.values);
    }

    @Override
    public int hashCode() {
        if (!hashed) {
            hash = values.hashCode();
            hashed = true;
        }
        return hash;
    }
}
