package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.rules.FlowStep;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleContext;
import dev.cemap.rules.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "mapping-leak",
        level = Level.WARNING,
        summary = "A reservation or mapping is not released on some path",
        description = "A VirtualAlloc reservation or an MmMapIoSpace mapping must be released on every path: an "
                + "error return that forgets it, an init function that fails after mapping (its Deinit is never "
                + "called), or a Deinit / destructor / Halt that does not release what Init stored, each loses "
                + "virtual address space every time the driver loads.",
        help = """
                Every `VirtualAlloc(..., MEM_RESERVE, ...)` needs a `VirtualFree(p, 0, MEM_RELEASE)` and every
                `MmMapIoSpace` an `MmUnmapIoSpace` on each path that does not hand the pointer on:

                - an error return after the mapping (the second of three checks fails…) must release it;
                - an `XXX_Init` that fails must release what it already stored in globals or its device
                  context: the device manager does not call `XXX_Deinit` after a failed Init;
                - what Init / the constructor / MiniportInitialize stores must be released by Deinit / the
                  destructor / MiniportHalt.

                A leak costs address space (2 MB+ reservations on CE 5 come from the shared area, which is
                small) and, for mappings, page-table entries; drivers that are loaded and unloaded run
                out after a few hundred cycles.

                ```c
                pRegs = MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
                if (pRegs == NULL)
                    return 0;
                if (!InitHardware(pRegs)) {
                    MmUnmapIoSpace(pRegs, sizeof(UART_REGS));   /* without this, the mapping leaks */
                    return 0;
                }
                ```
                The replay follows each path; a pointer returned to the caller, stored in a global, a
                member or a structure reached through a parameter is not a leak of this function.
                """,
        tags = {"reliability", "wince", "resource-leak"},
        precision = "high")
public final class MappingLeak implements Rule {

    @Override
    public void check(RuleContext context) {
        Set<String> reported = new HashSet<>();
        for (ReplayEvent.Unreleased leak : context.events(ReplayEvent.Unreleased.class)) {
            String key = leak.region().regionId() + "@" + leak.site().reportLocation() + "/" + leak.kind();
            if (reported.add(key)) {
                context.report(this, leak.site(), message(leak, context.replay().function()), flow(leak));
            }
        }
    }

    private static String message(ReplayEvent.Unreleased leak, String function) {
        RegionOrigin region = leak.region();
        String what = region.site().callee() + "(" + String.join(", ", region.site().argumentTexts()) + ") at line "
                + region.site().location().line();
        String release = region.site().callee().equals("MmMapIoSpace")
                ? "MmUnmapIoSpace(p, size)" : "VirtualFree(p, 0, MEM_RELEASE)";
        String held = leak.heldIn().isEmpty() ? "" : " (held in " + leak.heldIn() + ")";
        return switch (leak.kind()) {
            case LOST_AT_EXIT -> "the mapping from " + what + held + " is not released on the path that returns here;"
                    + " release it with " + release + " before returning";
            case INIT_FAILURE -> function + " fails here but leaves the mapping from " + what + held
                    + " in place; the paired exit is not called after a failed init, so release it with " + release
                    + " before returning";
            case NOT_RELEASED_AT_PAIRED_EXIT -> "the mapping from " + what + held
                    + " is never released: release it with " + release + " in the paired exit function";
            case NO_PAIRED_EXIT -> "the mapping from " + what + held
                    + " is never released: there is no destructor to release it with " + release;
        };
    }

    private static List<FlowStep> flow(ReplayEvent.Unreleased leak) {
        return leak.path().stream().map(step -> new FlowStep(step.location(), step.message())).toList();
    }
}
