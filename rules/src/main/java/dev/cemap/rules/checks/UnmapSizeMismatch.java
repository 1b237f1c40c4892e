package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Hex;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import java.util.List;

@RuleInfo(
        id = "unmap-size-mismatch",
        level = Level.WARNING,
        summary = "MmUnmapIoSpace size differs from the size that was mapped",
        description = "MmUnmapIoSpace must get the number of bytes MmMapIoSpace mapped. CEDDK's implementation "
                + "ignores the size and releases the whole reservation, so a wrong size (0, sizeof a pointer, the "
                + "size of another structure) works today; it is a latent defect that breaks with any CEDDK or "
                + "platform whose MmUnmapIoSpace honours the size, and it hides which mapping the code meant.",
        help = """
                Pass MmUnmapIoSpace the size given to MmMapIoSpace:

                ```c
                pRegs = (UART_REGS *)MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
                ...
                MmUnmapIoSpace(pRegs, sizeof(UART_REGS));   /* not 0, not sizeof(pRegs) */
                ```
                CE's CEDDK ignores the size, which is why the mistake goes unnoticed; other
                implementations of the same API (and ports to other OSes) unmap exactly what they are told.
                """,
        tags = {"correctness", "wince", "latent"},
        precision = "high")
public final class UnmapSizeMismatch implements Rule {

    /** Init maps, Deinit unmaps: the sizes are compared where the engine replays Deinit after Init. */
    @Override
    public boolean followsLifetimes() {
        return true;
    }

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.UnmapIoSpace unmap)) {
            return;
        }
        RegionOrigin region = unmap.region().orElse(null);
        if (region != null && !region.site().callee().equals("MmMapIoSpace") || !unmap.size().isKnown()) {
            return;
        }
        long given = unmap.size().longValue();
        if (given == 0) {
            reportZeroSize(unmap, region, context);
            return;
        }
        if (region == null || region.size().isEmpty() || given == region.size().getAsLong()) {
            return;
        }
        long mapped = region.size().getAsLong();
        String sizeText = unmap.site().argument(1);
        String why = sizeText + " = " + Hex.of(given)
                + (sizeText.replace(" ", "").startsWith("sizeof(") && given == 4 ? " (the size of a pointer)" : "");
        report(context, unmap.site(), "MmUnmapIoSpace(" + unmap.site().argument(0) + ", " + why
                + ") but MmMapIoSpace at line " + region.site().location().line() + " mapped "
                + region.site().argument(1) + " = " + Hex.of(mapped) + " bytes; CEDDK ignores the size, so this "
                + "is latent, but pass the mapped size", List.of(
                        new TraceStep(region.site().location(), "MmMapIoSpace maps " + Hex.of(mapped) + " bytes"),
                        new TraceStep(unmap.site().location(), "MmUnmapIoSpace with " + Hex.of(given) + " bytes")));
    }

    /**
     * Size 0 is wrong whatever was mapped (MmMapIoSpace of 0 bytes fails), so it is reported even
     * where the replay does not know the mapping, e.g. a destructor replayed on its own. The
     * message does not depend on which replay met the call, so that the call is one finding.
     */
    private void reportZeroSize(ReplayEvent.UnmapIoSpace unmap, RegionOrigin region, CheckerContext context) {
        List<TraceStep> steps = region == null
                ? List.of(new TraceStep(unmap.site().location(), "MmUnmapIoSpace with 0 bytes"))
                : List.of(new TraceStep(region.site().location(), "MmMapIoSpace maps " + region.site().argument(1)
                                + region.size().stream().mapToObj(size -> " = " + Hex.of(size) + " bytes").findFirst()
                                        .orElse("")),
                        new TraceStep(unmap.site().location(), "MmUnmapIoSpace with 0 bytes"));
        report(context, unmap.site(), "MmUnmapIoSpace(" + unmap.site().argument(0) + ", 0): no mapping has 0 bytes "
                + "(MmMapIoSpace of 0 bytes fails); pass the size given to MmMapIoSpace. CEDDK ignores the size, so "
                + "this is latent", steps);
    }
}
