package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleContext;
import dev.cemap.rules.RuleInfo;

@RuleInfo(
        id = "uninitialized-highpart",
        level = Level.WARNING,
        summary = "PHYSICAL_ADDRESS passed to MmMapIoSpace with HighPart never set",
        description = "PHYSICAL_ADDRESS is a 64-bit LARGE_INTEGER. Setting only LowPart of a local leaves HighPart "
                + "with whatever the stack held; MmMapIoSpace uses the whole value, so the mapping goes to a "
                + "random address above 4 GB or fails, depending on the call history.",
        help = """
                Set the whole PHYSICAL_ADDRESS, not only its low half:

                ```c
                PHYSICAL_ADDRESS pa;
                pa.LowPart = UART0_PA;        /* HighPart is stack garbage */
                pa.HighPart = 0;              /* or: pa.QuadPart = UART0_PA; or PHYSICAL_ADDRESS pa = { 0 }; */
                pRegs = MmMapIoSpace(pa, sizeof(UART_REGS), FALSE);
                ```
                """,
        tags = {"correctness", "wince", "uninitialized"},
        precision = "high")
public final class UninitializedHighpart implements Rule {

    @Override
    public void check(RuleContext context) {
        for (ReplayEvent.MapIoSpace map : context.events(ReplayEvent.MapIoSpace.class)) {
            if (map.highPartUnset()) {
                String pa = map.site().argument(0);
                context.report(this, map.site(), pa + ".HighPart is never set before MmMapIoSpace reads the 64-bit "
                        + "address: set " + pa + ".QuadPart, or " + pa + ".HighPart = 0, or initialise it with { 0 }",
                        Flows.ofMap(map));
            }
        }
    }
}
