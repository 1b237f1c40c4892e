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
 * @param stored   for a store, the value written ({@code v} of {@code p->f = v} or of
 *                 {@code WRITE_REGISTER_ULONG(p, v)}); unknown for reads and where it is not known
 */
public record Access(CallSite site, Value pointer, boolean write, Value stored) {

    public Access(CallSite site, Value pointer, boolean write) {
        this(site, pointer, write, Value.unknown());
    }
}
