package dev.cemap.analyzer.check;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.replay.CallSite;

/**
 * A read or write through a pointer into a region the replay created: {@code p->f}, {@code *p},
 * {@code p[i]}, or a CEDDK register accessor ({@code WRITE_REGISTER_ULONG(p, v)}).
 *
 * @param site     where: the expression as written is the site's callee
 * @param pointer  the pointer accessed through
 * @param write    true for a store
 */
public record Access(CallSite site, Value pointer, boolean write) {
}
