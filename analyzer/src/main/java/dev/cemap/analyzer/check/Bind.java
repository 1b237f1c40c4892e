package dev.cemap.analyzer.check;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;

/**
 * A value stored on a path.
 *
 * @param key           where: a local, a global, a field, an element
 * @param value         what (unknown for {@link Kind#DECLARED_UNINITIALIZED} and {@link Kind#FORGOTTEN})
 * @param kind          how it came to be stored
 * @param declaredType  for declarations, the type as written ({@code PHYSICAL_ADDRESS}); else ""
 */
public record Bind(StorageKey key, Value value, Kind kind, String declaredType) {

    public enum Kind {
        /** A declaration with an initializer. */
        DECLARED,
        /** A declaration without one: the storage holds whatever was there. */
        DECLARED_UNINITIALIZED,
        /** An assignment, or a registry read the replay answered. */
        ASSIGNED,
        /** Written by code the replay cannot see (an out-argument of an unknown call, a loop). */
        FORGOTTEN
    }
}
