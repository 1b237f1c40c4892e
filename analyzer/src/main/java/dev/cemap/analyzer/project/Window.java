package dev.cemap.analyzer.project;

import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.emulator.Hex;

/**
 * A physical window a user-mode driver's registry key grants it: one {@code IoBase}/{@code IoLen}
 * or {@code MemBase}/{@code MemLen} pair. On CE 6 and later the reflector maps memory for a
 * user-mode driver only inside these.
 *
 * @param kind        {@code IoBase} or {@code MemBase}
 * @param base        the physical base
 * @param length      the length in bytes
 * @param location    the base value's line
 * @param condition   when the image gets it (the undecided {@code #if} branches of its values)
 */
public record Window(String kind, long base, long length, SourceLocation location, Condition condition) {

    /** Inside a branch the scan cannot decide. */
    public boolean conditional() {
        return !condition.isAlways();
    }

    public long endExclusive() {
        return base + length;
    }

    /** Whether {@code [pa, pa + size)} lies entirely inside this window. */
    public boolean contains(long pa, long size) {
        return size > 0 && pa >= base && pa + size <= endExclusive();
    }

    @Override
    public String toString() {
        return kind + " " + Hex.addr(base) + "–" + Hex.addr(endExclusive() - 1);
    }
}
