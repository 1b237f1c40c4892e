package dev.cemap.analyzer.state;

import dev.cemap.analyzer.check.FactKey;
import java.util.HashMap;
import java.util.Map;

/** The facts checkers keep on one path, by key. Values are immutable, so a copy shares them. */
final class Facts {

    private final Map<FactKey<?>, Object> values;

    Facts() {
        this(new HashMap<>());
    }

    private Facts(Map<FactKey<?>, Object> values) {
        this.values = values;
    }

    Facts copy() {
        return new Facts(new HashMap<>(values));
    }

    @SuppressWarnings("unchecked")
    <T> T get(FactKey<T> key) {
        Object value = values.get(key);
        return value == null ? key.absent() : (T) value;
    }

    <T> void set(FactKey<T> key, T value) {
        if (value.equals(key.absent())) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    static Facts join(Facts a, Facts b) {
        Facts joined = new Facts();
        java.util.Set<FactKey<?>> keys = new java.util.HashSet<>(a.values.keySet());
        keys.addAll(b.values.keySet());
        for (FactKey<?> key : keys) {
            joinOne(joined, a, b, key);
        }
        return joined;
    }

    private static <T> void joinOne(Facts joined, Facts a, Facts b, FactKey<T> key) {
        joined.set(key, key.join(a.get(key), b.get(key)));
    }

    Map<FactKey<?>, Object> asMap() {
        return values;
    }
}
