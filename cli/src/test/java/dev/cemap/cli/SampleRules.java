package dev.cemap.cli;

import dev.cemap.analyzer.model.Level;
import dev.cemap.rules.Rule;
import dev.cemap.rules.RuleInfo;
import java.util.List;

/** Stand-ins for registered rules: the writers only read their metadata. */
public final class SampleRules {

    private SampleRules() {
    }

    public static List<Rule> all() {
        return List.of(new OffsetRule(), new LeakRule());
    }

    @RuleInfo(id = "sample-offset-mismatch", level = Level.ERROR,
            summary = "VirtualCopy destination and source page offsets differ.",
            description = "A virtual page maps exactly one physical page, so the offset of the "
                    + "destination within its page must equal the offset of the physical address.",
            help = "## Why\n\nThe kernel rejects the call.\n\n**Fix:** align both addresses.\n\n"
                    + "```c\nVirtualCopy(p, (LPVOID)(PA >> 8), size, PAGE_READWRITE | PAGE_PHYSICAL);\n```\n"
                    + "See [the docs](https://example.com/virtualcopy).",
            tags = {"correctness", "ce"},
            precision = "very-high")
    public static final class OffsetRule implements Rule {
    }

    @RuleInfo(id = "sample-mapping-leak", level = Level.WARNING,
            summary = "A mapping is not released on some path.",
            description = "Every reservation made by VirtualAlloc must be released with VirtualFree.",
            help = "Release the reservation with `VirtualFree(p, 0, MEM_RELEASE)`.",
            tags = {"reliability"},
            precision = "medium",
            securitySeverity = "4.0")
    public static final class LeakRule implements Rule {
    }
}
