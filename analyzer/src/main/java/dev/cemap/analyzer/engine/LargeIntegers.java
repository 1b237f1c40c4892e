package dev.cemap.analyzer.engine;

import dev.cemap.analyzer.eval.StorageKey;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.state.PathState;

/** LowPart, HighPart and QuadPart overlay each other in a LARGE_INTEGER / PHYSICAL_ADDRESS. */
final class LargeIntegers {

    private LargeIntegers() {
    }

    static boolean isPart(String name) {
        return name.equals("LowPart") || name.equals("HighPart") || name.equals("QuadPart");
    }

    /** One part, computed from the others that the path stored. */
    static Value part(PathState state, StorageKey owner, String part) {
        Value quad = state.read(new StorageKey.Field(owner, "QuadPart"));
        Value low = state.read(new StorageKey.Field(owner, "LowPart"));
        Value high = state.read(new StorageKey.Field(owner, "HighPart"));
        switch (part) {
            case "LowPart":
                return quad != null && quad.isKnown() ? Value.of(quad.longValue() & 0xFFFFFFFFL) : Value.unknown();
            case "HighPart":
                return quad != null && quad.isKnown() ? Value.of(quad.longValue() >>> 32) : Value.unknown();
            default:
                if (low != null && low.isKnown() && high != null && high.isKnown()) {
                    return Value.of((high.longValue() << 32) | (low.longValue() & 0xFFFFFFFFL));
                }
                return Value.unknown();
        }
    }
}
