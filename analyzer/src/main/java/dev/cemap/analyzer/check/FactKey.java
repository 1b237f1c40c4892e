package dev.cemap.analyzer.check;

import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * A per-path fact a checker owns, stored in the path state under this key. Values must be
 * immutable: a forked path shares them with its parent until one of them sets a new value. Where
 * two paths are joined, {@link #join} says what survives.
 *
 * <p>Declare one as a constant of the checker:
 * <pre>{@code
 * static final FactKey<Set<StorageKey>> UNSET = FactKey.of("unset-highpart", Set.of(), FactKey::intersection);
 * }</pre>
 *
 * @param <T> the fact's type
 */
public final class FactKey<T> {

    private final String name;
    private final T absent;
    private final BinaryOperator<T> joiner;

    private FactKey(String name, T absent, BinaryOperator<T> joiner) {
        this.name = Objects.requireNonNull(name);
        this.absent = Objects.requireNonNull(absent);
        this.joiner = Objects.requireNonNull(joiner);
    }

    /**
     * @param name    for messages and debugging; keys are compared by identity
     * @param absent  the value on a path that never set the fact
     * @param joiner  what a path joined from two others knows, from what each knew
     */
    public static <T> FactKey<T> of(String name, T absent, BinaryOperator<T> joiner) {
        return new FactKey<>(name, absent, joiner);
    }

    /** Joined paths keep the fact where both agree, and forget it otherwise. */
    public static <T> FactKey<T> keptWhereAgreed(String name, T absent) {
        return new FactKey<>(name, absent, (a, b) -> a.equals(b) ? a : absent);
    }

    public T absent() {
        return absent;
    }

    public T join(T a, T b) {
        return joiner.apply(a, b);
    }

    /** A joiner for sets: what both paths know. */
    public static <E> java.util.Set<E> intersection(java.util.Set<E> a, java.util.Set<E> b) {
        java.util.Set<E> both = new java.util.HashSet<>(a);
        both.retainAll(b);
        return java.util.Set.copyOf(both);
    }

    /** A joiner for sets: what either path knows. */
    public static <E> java.util.Set<E> union(java.util.Set<E> a, java.util.Set<E> b) {
        java.util.Set<E> either = new java.util.HashSet<>(a);
        either.addAll(b);
        return java.util.Set.copyOf(either);
    }

    @Override
    public String toString() {
        return name;
    }
}
