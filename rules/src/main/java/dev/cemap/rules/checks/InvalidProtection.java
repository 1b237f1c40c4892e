package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.Protection;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;

@RuleInfo(
        id = "invalid-protection",
        level = Level.ERROR,
        summary = "VirtualCopy protection value the kernel rejects",
        description = "VirtualCopy's protection needs exactly one base protection (PAGE_READONLY, PAGE_READWRITE, "
                + "PAGE_EXECUTE…), optionally with PAGE_GUARD, PAGE_NOCACHE and PAGE_PHYSICAL. No base protection, two "
                + "of them, or PAGE_GUARD / PAGE_NOCACHE with PAGE_NOACCESS make the call fail.",
        help = """
                The protection of a VirtualCopy is one base protection plus modifiers:

                - exactly one of `PAGE_NOACCESS`, `PAGE_READONLY`, `PAGE_READWRITE`, `PAGE_EXECUTE`,
                  `PAGE_EXECUTE_READ`, `PAGE_EXECUTE_READWRITE`;
                - optionally `PAGE_NOCACHE` (device registers), `PAGE_GUARD`, and `PAGE_PHYSICAL` (source is a
                  physical address >> 8);
                - `PAGE_GUARD` and `PAGE_NOCACHE` are not valid with `PAGE_NOACCESS`;
                - `PAGE_WRITECOPY` is not supported.

                ```c
                /* wrong: two base protections */ PAGE_READONLY | PAGE_READWRITE | PAGE_PHYSICAL
                /* wrong: no base protection   */ PAGE_NOCACHE | PAGE_PHYSICAL
                /* right, for registers        */ PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL
                ```
                """,
        tags = {"correctness", "wince", "memory-mapping"},
        precision = "very-high")
public final class InvalidProtection implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Copy copy)) {
            return;
        }
        if (!copy.protect().isKnown()) {
            return;
        }
        int protect = (int) copy.protect().longValue();
        Protection.virtualCopyRejection(protect).ifPresent(reason -> report(context, copy.site(),
                "protection " + Hex.of(protect) + " (" + Protection.describe(protect) + ") is rejected by "
                        + "VirtualCopy: " + reason, Flows.ofCopy(copy)));
    }
}
