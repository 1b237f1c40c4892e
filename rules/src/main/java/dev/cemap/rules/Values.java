package dev.cemap.rules;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.emulator.Ce;

/** Small questions rules ask of evaluated arguments. */
public final class Values {

    private Values() {
    }

    /** True when the protection is known and has every bit of {@code flag}. */
    public static boolean hasFlag(Value protect, int flag) {
        return protect.isKnown() && (protect.longValue() & flag) == flag;
    }

    public static boolean isPhysicalCopy(Value protect) {
        return hasFlag(protect, Ce.PAGE_PHYSICAL);
    }

    /** The physical address a PAGE_PHYSICAL source stands for: {@code source << 8}. */
    public static long physicalOf(Value source) {
        return source.longValue() << 8;
    }
}
