package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;

@RuleInfo(
        id = "release-with-size",
        level = Level.ERROR,
        summary = "VirtualFree with MEM_RELEASE and a non-zero size fails and leaks the reservation",
        description = "VirtualFree(p, size, MEM_RELEASE) requires size 0: the kernel releases the whole reservation "
                + "and rejects any other size. The call fails, the reservation and its mappings stay, and a driver "
                + "that is loaded and unloaded repeatedly runs out of virtual address space.",
        help = """
                `VirtualFree(p, 0, MEM_RELEASE)` releases the reservation that starts at `p`, with all its
                mappings. With any other size the kernel returns FALSE (ERROR_INVALID_PARAMETER) and
                releases nothing: the reservation leaks. Drivers rarely check the result of VirtualFree, so
                the leak is silent until address space runs out after many load/unload cycles.

                ```c
                /* wrong */ VirtualFree(pDevice->pRegs, sizeof(GPIO_REGS), MEM_RELEASE);
                /* right */ VirtualFree(pDevice->pRegs, 0, MEM_RELEASE);
                ```
                Use `MEM_DECOMMIT` with a size to unmap part of a reservation.
                """,
        tags = {"correctness", "wince", "resource-leak"},
        precision = "very-high")
public final class ReleaseWithSize implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Free free)) {
            return;
        }
        if (!free.freeType().isKnown() || (free.freeType().longValue() & Ce.MEM_RELEASE) == 0
                || !free.size().isKnown() || free.size().longValue() == 0) {
            return;
        }
        report(context, free.site(), "VirtualFree(" + free.site().argument(0) + ", "
                + free.site().argument(1) + " = " + Hex.of(free.size().longValue()) + ", MEM_RELEASE) fails: "
                + "MEM_RELEASE needs size 0, so the reservation and its mappings leak; pass 0",
                Flows.ofFree(free));
    }
}
