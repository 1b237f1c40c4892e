package dev.cemap.rules.checks;

import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Flows;
import dev.cemap.rules.PhysicalSource;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import dev.cemap.rules.Values;

@RuleInfo(
        id = "missing-physical-shift",
        level = Level.ERROR,
        summary = "PAGE_PHYSICAL VirtualCopy source is not the physical address >> 8",
        description = "With PAGE_PHYSICAL, VirtualCopy's source is the physical address divided by 256; the kernel "
                + "shifts it left by 8. An unshifted address, a PHYSICAL_ADDRESS field passed as is, or a shift by "
                + "another amount maps a different physical page than intended, or fails.",
        help = """
                `VirtualCopy(dest, src, size, ... | PAGE_PHYSICAL)` takes `src` = physical address `>> 8`
                (or `/ 256`); this lets 32-bit arguments address 40 bits of physical space. The kernel
                computes `src << 8`. Passing the physical address itself maps an address 256 times too
                large (usually beyond the bus: the call fails or, worse, succeeds on another device);
                shifting by 12 (a page frame number) maps an address 16 times too small.

                ```c
                /* wrong */  VirtualCopy(pv, (PVOID)UART0_PA, PAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                /* wrong */  VirtualCopy(pv, (PVOID)(UART0_PA >> 12), PAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                /* right */  VirtualCopy(pv, (PVOID)(UART0_PA >> 8), PAGE_SIZE, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                ```
                A `PHYSICAL_ADDRESS` needs the same shift: `(PVOID)(pa.LowPart >> 8)`.
                """,
        tags = {"correctness", "wince", "memory-mapping"},
        precision = "high")
public final class MissingPhysicalShift implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Copy copy)) {
            return;
        }
        if (!Values.isPhysicalCopy(copy.protect())) {
            return;
        }
        Value source = copy.source();
        String written = copy.site().argument(1);
        String message = switch (PhysicalSource.classify(source)) {
            case MIS_SCALED -> misScaled(written, source);
            case UNSHIFTED -> unshifted(written, source);
            case PLAUSIBLE -> null;
        };
        if (message != null) {
            report(context, copy.site(), message, Flows.ofCopy(copy));
        }
    }

    private static String misScaled(String written, Value source) {
        StringBuilder text = new StringBuilder("source " + written + " is scaled with "
                + source.shape().operatorText() + ", but PAGE_PHYSICAL takes the physical address >> 8 (/ 256)");
        Value operand = source.shape().operand();
        if (source.isKnown() && operand != null && operand.isKnown()) {
            text.append(": the kernel maps physical ").append(Hex.addr(source.longValue() << 8))
                    .append(" instead of ").append(Hex.addr(operand.longValue()));
        }
        return text.toString();
    }

    private static String unshifted(String written, Value source) {
        if (source.isKnown()) {
            return "source " + written + " = " + Hex.addr(source.longValue()) + " is not shifted: with PAGE_PHYSICAL "
                    + "the kernel maps physical " + Hex.addr(source.longValue() << 8) + " (source << 8); pass ("
                    + written + ") >> 8";
        }
        return "source " + written + " is a PHYSICAL_ADDRESS passed unshifted: PAGE_PHYSICAL takes the physical "
                + "address >> 8; pass (" + written + ") >> 8";
    }
}
