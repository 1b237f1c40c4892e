package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.Protection;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;

@RuleInfo(
        id = "physical-flag-missing",
        level = Level.ERROR,
        summary = "VirtualCopy source is a physical address >> 8 but PAGE_PHYSICAL is missing",
        description = "A source written as physical address >> 8 (or / 256) only means something with PAGE_PHYSICAL. "
                + "Without the flag the kernel treats it as a virtual address and copies whatever mapping that "
                + "virtual address has, usually none: the call fails or maps the wrong memory.",
        help = """
                The `>> 8` (or `/ 256`) form of a physical address is for `PAGE_PHYSICAL` only. Without that
                flag VirtualCopy's source is a *virtual* address whose page-table entries are copied: the
                shifted value is then a small user-space address with nothing behind it.

                ```c
                /* wrong */ VirtualCopy(pv, (PVOID)(GPIO_PA >> 8), PAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE);
                /* right */ VirtualCopy(pv, (PVOID)(GPIO_PA >> 8), PAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                ```
                """,
        tags = {"correctness", "wince", "memory-mapping"},
        precision = "very-high")
public final class PhysicalFlagMissing implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Copy copy)) {
            return;
        }
        if (!copy.protect().isKnown() || (copy.protect().longValue() & Ce.PAGE_PHYSICAL) != 0
                || !copy.source().shape().isPhysicalShift()) {
            return;
        }
        int protect = (int) copy.protect().longValue();
        StringBuilder message = new StringBuilder("source " + copy.site().argument(1)
                + " is a physical address " + copy.source().shape().operatorText() + " but protection "
                + Hex.of(protect) + " (" + Protection.describe(protect) + ") lacks PAGE_PHYSICAL");
        if (copy.source().isKnown()) {
            message.append(": the kernel reads ").append(Hex.addr(copy.source().longValue()))
                    .append(" as a virtual address");
        }
        message.append("; add PAGE_PHYSICAL");
        report(context, copy.site(), message.toString(), Flows.ofCopy(copy));
    }
}
