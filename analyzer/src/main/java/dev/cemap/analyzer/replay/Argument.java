package dev.cemap.analyzer.replay;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import java.util.Optional;

/**
 * One evaluated argument of a call.
 *
 * @param value      its value
 * @param storage    the storage it names when it is an lvalue ({@code pa} in {@code MmMapIoSpace(pa, …)})
 * @param addressed  the storage whose address it is ({@code x} in {@code &x}, through casts)
 * @param text       the argument as written
 */
public record Argument(Value value, Optional<StorageKey> storage, Optional<StorageKey> addressed, String text) {

    public static Argument of(Value value) {
        return new Argument(value, Optional.empty(), Optional.empty(), "");
    }

    /**
     * What a callee writes through this argument: {@code x} for {@code &x}; for a pointer
     * {@code p}, {@code p} itself, because the replay names {@code p->f} as field {@code f} of
     * {@code p}.
     */
    public Optional<StorageKey> outTarget() {
        return addressed.or(() -> storage);
    }
}
