package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.VirtualLayout;
import dev.cemap.rules.Flows;
import dev.cemap.rules.PhysicalSource;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import dev.cemap.rules.Values;

@RuleInfo(
        id = "virtual-as-physical",
        level = Level.ERROR,
        summary = "PAGE_PHYSICAL source is a statically mapped kernel virtual address",
        description = "0x80000000–0x9FFFFFFF (cached) and 0xA0000000–0xBFFFFFFF (uncached) are the kernel's static "
                + "virtual windows onto physical memory, set up by the OEMAddressTable. Passing such an address "
                + "(>> 8) with PAGE_PHYSICAL maps whatever physical memory happens to live at that number, not the "
                + "device the code means.",
        help = """
                CE maps physical memory statically at 0x80000000 (cached) and 0xA0000000 (uncached) through
                the OEMAddressTable; BSP headers often define both the physical and the static virtual
                address of a device (`..._PA_...` and `..._VA_...`). `PAGE_PHYSICAL` wants the *physical*
                address >> 8. A static virtual address there maps physical 0x8xxxxxxx/0xAxxxxxxx, usually
                nothing or unrelated memory.

                ```c
                /* wrong */ VirtualCopy(pv, (PVOID)(BSP_BASE_REG_VA_UART0 >> 8), ...| PAGE_PHYSICAL);
                /* right */ VirtualCopy(pv, (PVOID)(BSP_BASE_REG_PA_UART0 >> 8), ...| PAGE_PHYSICAL);
                ```
                In kernel-mode code a static virtual address can also be used directly, without any mapping.
                """,
        tags = {"correctness", "wince", "memory-mapping"},
        precision = "high")
public final class VirtualAsPhysical implements Rule {

    private static final long UNCACHED_BASE = 0xA0000000L;

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Copy copy)) {
            return;
        }
        if (!Values.isPhysicalCopy(copy.protect()) || !copy.source().isKnown()
                || PhysicalSource.classify(copy.source()) != PhysicalSource.PLAUSIBLE) {
            return;
        }
        long physical = Values.physicalOf(copy.source());
        if (!VirtualLayout.isStaticWindow(physical)) {
            return;
        }
        String window = physical >= UNCACHED_BASE ? "uncached static window 0xA0000000–0xBFFFFFFF"
                : "cached static window 0x80000000–0x9FFFFFFF";
        report(context, copy.site(), "source " + copy.site().argument(1) + " stands for "
                + Hex.addr(physical) + ", an address in the kernel's " + window + ", not a physical address; "
                + "pass the device's physical address >> 8", Flows.ofCopy(copy));
    }
}
