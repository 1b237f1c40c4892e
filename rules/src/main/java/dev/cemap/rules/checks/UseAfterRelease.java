package dev.cemap.rules.checks;

import dev.cemap.analyzer.check.Access;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.RegionStatus;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.rules.Releases;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;

@RuleInfo(
        id = "use-after-release",
        level = Level.WARNING,
        summary = "Registers or a buffer are accessed after their mapping or buffer was released",
        description = "A read or write through a pointer whose reservation, mapping or physical buffer this path "
                + "already released (VirtualFree MEM_RELEASE, MmUnmapIoSpace, FreePhysMem, HalFreeCommonBuffer). "
                + "The access faults while nothing else reuses the address, and reads or writes another driver's "
                + "memory once something does.",
        help = """
                Release a mapping after the last access through it. The usual shape is a Deinit that unmaps
                the registers and then stops the device through them:

                ```c
                MmUnmapIoSpace((PVOID)g_pRegs, sizeof(UART_REGS));
                g_pRegs->UCON &= ~UCON_ENABLE;          /* wrong: the mapping is gone */
                ```
                Stop the hardware first, then release, then clear the pointer. Only accesses on a path where
                the release certainly happened are reported; CEDDK accessors (`WRITE_REGISTER_ULONG`…)
                count as accesses.
                """,
        tags = {"correctness", "wince", "memory-safety"},
        precision = "high")
public final class UseAfterRelease implements Rule {

    /** Deinit unmaps and then touches the registers Init mapped: seen where the engine replays Deinit after Init. */
    @Override
    public boolean followsLifetimes() {
        return true;
    }

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        Releases.recordRelease(event, context);
    }

    @Override
    public void onAccess(Access access, CheckerContext context) {
        if (context.path().isMerged() || !(access.pointer().pointee().orElse(null) instanceof Pointee.Region pointer)
                || context.path().status(pointer.regionId()).orElse(null) != RegionStatus.RELEASED) {
            return;
        }
        RegionOrigin region = context.region(pointer.regionId()).orElse(null);
        if (region == null) {
            return;
        }
        report(context, access.site(), access.site().callee() + " accesses the " + region.kind().noun() + " "
                + region.site().callee() + " made at line " + region.site().location().line()
                + ", which this path released "
                + Releases.releasedWhere(pointer.regionId(), context) + "; access it before releasing it",
                context.path().trace());
    }
}
