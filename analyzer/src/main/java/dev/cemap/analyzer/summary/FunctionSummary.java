package dev.cemap.analyzer.summary;

import java.util.Set;

/**
 * What a function of the scanned tree does, on every path, to the places its callers can see:
 * which it writes, which values it may keep where the replay cannot follow them, which values it
 * copies elsewhere, and which it returns. A call of the function applies this instead of
 * forgetting everything its arguments reach and letting every pointer escape.
 *
 * @param function  the function's name
 * @param writes    places whose values (and everything below them) may change
 * @param escapes   places whose values may be kept by code the replay cannot see
 * @param stores    values copied from one place to another ({@code g_pRegs = pDev->pRegs})
 * @param returns   places whose value it may return
 */
public record FunctionSummary(String function, Set<AccessPath> writes, Set<AccessPath> escapes, Set<Copy> stores,
        Set<AccessPath> returns) {

    /** A value copied from {@code from} into {@code to}. */
    public record Copy(AccessPath from, AccessPath to) {
    }

    public FunctionSummary {
        writes = Set.copyOf(writes);
        escapes = Set.copyOf(escapes);
        stores = Set.copyOf(stores);
        returns = Set.copyOf(returns);
    }
}
