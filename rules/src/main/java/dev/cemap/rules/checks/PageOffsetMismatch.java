package dev.cemap.rules.checks;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.PhysicalSource;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import dev.cemap.rules.Flows;
import java.util.OptionalLong;

@RuleInfo(
        id = "page-offset-mismatch",
        level = Level.ERROR,
        summary = "VirtualCopy destination and source have different offsets within their pages",
        description = "A virtual page maps exactly one physical page, so VirtualCopy requires the destination's "
                + "offset within its 4 KB page to equal the source's: for PAGE_PHYSICAL, (dest & 0xFFF) must equal "
                + "((source << 8) & 0xFFF). Otherwise the kernel rejects the call and the driver runs without its "
                + "registers mapped.",
        help = """
                VirtualCopy maps whole 4 KB pages. The destination's offset within its page must equal the
                source's: with `PAGE_PHYSICAL`, `(dest & 0xFFF) == ((src << 8) & 0xFFF)`; for a virtual
                source, `(dest & 0xFFF) == (src & 0xFFF)` (CE 5: within 64 KB). A reservation from
                VirtualAlloc starts on a 64 KB boundary, so its offset is 0.

                The documented invalid call `VirtualCopy(0x50000, 0xC00DA800, 0x1000, ...)` would need one
                virtual page to map two physical pages.

                Fix: map from the page base and add the offset to the pointer you use:

                ```c
                pv = VirtualAlloc(NULL, PAGE_SIZE, MEM_RESERVE, PAGE_NOACCESS);
                VirtualCopy(pv, (PVOID)((UART_PA & ~0xFFF) >> 8), PAGE_SIZE,
                            PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                pRegs = (UART_REGS *)((PBYTE)pv + (UART_PA & 0xFFF));
                ```
                or use MmMapIoSpace, which does this fix-up for you.
                """,
        tags = {"correctness", "wince", "memory-mapping"},
        precision = "very-high")
public final class PageOffsetMismatch implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Copy copy)) {
            return;
        }
        if (!copy.source().isKnown() || !copy.protect().isKnown()) {
            return;
        }
        OptionalLong destOffset = destinationPageOffset(copy);
        if (destOffset.isEmpty()) {
            return;
        }
        // A source written as physical >> 8 is compared as the physical address it stands
        // for even when PAGE_PHYSICAL is missing: adding the flag (physical-flag-missing)
        // must not leave the offsets wrong.
        boolean physical = (copy.protect().longValue() & Ce.PAGE_PHYSICAL) != 0
                || copy.source().shape().isPhysicalShift();
        if (physical && PhysicalSource.classify(copy.source()) != PhysicalSource.PLAUSIBLE) {
            return; // the source is not a page frame at all: missing-physical-shift says so
        }
        long source = physical ? copy.source().longValue() << 8 : copy.source().longValue();
        long sourceOffset = Ce.pageOffset(source);
        if (sourceOffset == destOffset.getAsLong()) {
            return;
        }
        String what = physical ? "physical " + Hex.addr(source) : "virtual source " + Hex.addr(source);
        String fix = physical
                ? "Map from " + Hex.addr(Ce.pageBase(source)) + " and add " + Hex.pageOffset(sourceOffset)
                        + " to the pointer, or use MmMapIoSpace"
                : "Copy from " + Hex.addr(Ce.pageBase(source)) + " and add " + Hex.pageOffset(sourceOffset)
                        + " to the pointer";
        report(context, copy.site(), "destination offset " + Hex.pageOffset(destOffset.getAsLong())
                + " but " + what + " has offset " + Hex.pageOffset(sourceOffset)
                + "; VirtualCopy fails because one virtual page cannot map two physical pages. " + fix,
                Flows.ofCopy(copy));
    }

    /** Reservations start page-aligned, so a known offset into one gives the page offset. */
    private static OptionalLong destinationPageOffset(ReplayEvent.Copy copy) {
        if (copy.destAddress().isPresent()) {
            return OptionalLong.of(Ce.pageOffset(copy.destAddress().getAsLong()));
        }
        if (copy.dest().pointee().orElse(null) instanceof Pointee.Region region && region.offset().isPresent()) {
            return OptionalLong.of(Ce.pageOffset(region.offset().getAsLong()));
        }
        return OptionalLong.empty();
    }
}
