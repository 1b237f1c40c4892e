package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Hex;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import java.util.List;

@RuleInfo(
        id = "attributes-touch-pfn",
        level = Level.ERROR,
        summary = "VirtualSetAttributes mask covers page-frame bits of the page-table entry",
        description = "VirtualSetAttributes(addr, size, bits, mask, pOld) rewrites the page-table entry bits selected "
                + "by mask. Bits 12 and up of an entry hold the physical page frame: a mask that covers them "
                + "changes which physical page backs the virtual page, silently redirecting every access.",
        help = """
                VirtualSetAttributes is meant for the attribute bits of the page-table entries (cacheability,
                bufferability, on ARM the C/B/TEX bits; on x86 PCD/PWT): the low 12 bits. A mask with bits
                12–31 set lets `bits` overwrite the page-frame number, so the page maps another physical
                page afterwards (seed: "Understanding VirtualSetAttributes").

                ```c
                /* wrong */ VirtualSetAttributes(pv, size, 0x8, 0xFFFFFFFF, &old);
                /* right */ VirtualSetAttributes(pv, size, 0x8, 0xC, &old);   /* C and B bits only */
                ```
                """,
        tags = {"correctness", "wince", "memory-mapping", "security"},
        precision = "very-high",
        securitySeverity = "7.0")
public final class AttributesTouchPfn implements Rule {

    private static final long PAGE_FRAME_BITS = 0xFFFFF000L;

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.SetAttributes set)) {
            return;
        }
        if (!set.mask().isKnown() || (set.mask().longValue() & PAGE_FRAME_BITS) == 0) {
            return;
        }
        long mask = set.mask().longValue() & 0xFFFFFFFFL;
        String written = set.site().argument(3);
        String shown = written.equalsIgnoreCase(Hex.addr(mask)) ? written : written + " = " + Hex.addr(mask);
        report(context, set.site(), "mask " + shown
                + " covers page-frame bits (" + Hex.addr(mask & PAGE_FRAME_BITS) + "): VirtualSetAttributes "
                + "would rewrite which physical page backs " + set.site().argument(0)
                + "; mask only the attribute bits below 0x1000",
                List.of(new TraceStep(set.site().location(), "VirtualSetAttributes with mask " + Hex.addr(mask))));
    }
}
