package dev.cemap.rules.checks;

import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.model.MacroDefinition;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.analyzer.check.FileFacts;
import dev.cemap.analyzer.replay.CallSite;
import java.util.List;
import dev.cemap.rules.RuleInfo;
import java.util.Map;

@RuleInfo(
        id = "wrong-constant",
        level = Level.ERROR,
        summary = "Local #define of a PAGE_* or MEM_* constant with the wrong value",
        description = "Driver code written without the SDK headers sometimes defines the memory constants itself. "
                + "A wrong value silently changes every call that uses it: PAGE_PHYSICAL defined as 0x200 is "
                + "PAGE_NOCACHE, so VirtualCopy takes the physical address >> 8 for a virtual one. Every #define "
                + "of the scanned code (the file and the headers of the tree it includes) is compared with the "
                + "values of CE's winnt.h.",
        help = """
                The CE values (winnt.h): PAGE_NOACCESS 0x01, PAGE_READONLY 0x02, PAGE_READWRITE 0x04,
                PAGE_WRITECOPY 0x08, PAGE_EXECUTE 0x10, PAGE_EXECUTE_READ 0x20, PAGE_EXECUTE_READWRITE 0x40,
                PAGE_EXECUTE_WRITECOPY 0x80, PAGE_GUARD 0x100, PAGE_NOCACHE 0x200, PAGE_PHYSICAL 0x400
                (= PAGE_WRITECOMBINE), MEM_COMMIT 0x1000, MEM_RESERVE 0x2000, MEM_DECOMMIT 0x4000,
                MEM_RELEASE 0x8000, MEM_TOP_DOWN 0x100000, MEM_AUTO_COMMIT 0x200000.

                Delete the local definition and include the SDK header instead:

                ```c
                /* wrong */ #define PAGE_PHYSICAL 0x200
                /* right */ #include <windows.h>   /* winnt.h: #define PAGE_PHYSICAL 0x400 */
                ```
                """,
        tags = {"correctness", "wince", "memory-mapping"},
        precision = "very-high")
public final class WrongConstant implements Rule {

    /** The values of CE's winnt.h (DESIGN.md); Ce holds the same numbers for the emulator. */
    private static final Map<String, Long> SDK_VALUES = Map.ofEntries(
            Map.entry("PAGE_NOACCESS", (long) Ce.PAGE_NOACCESS),
            Map.entry("PAGE_READONLY", (long) Ce.PAGE_READONLY),
            Map.entry("PAGE_READWRITE", (long) Ce.PAGE_READWRITE),
            Map.entry("PAGE_WRITECOPY", (long) Ce.PAGE_WRITECOPY),
            Map.entry("PAGE_EXECUTE", (long) Ce.PAGE_EXECUTE),
            Map.entry("PAGE_EXECUTE_READ", (long) Ce.PAGE_EXECUTE_READ),
            Map.entry("PAGE_EXECUTE_READWRITE", (long) Ce.PAGE_EXECUTE_READWRITE),
            Map.entry("PAGE_EXECUTE_WRITECOPY", (long) Ce.PAGE_EXECUTE_WRITECOPY),
            Map.entry("PAGE_GUARD", (long) Ce.PAGE_GUARD),
            Map.entry("PAGE_NOCACHE", (long) Ce.PAGE_NOCACHE),
            Map.entry("PAGE_PHYSICAL", (long) Ce.PAGE_PHYSICAL),
            Map.entry("PAGE_WRITECOMBINE", (long) Ce.PAGE_PHYSICAL),
            Map.entry("MEM_COMMIT", (long) Ce.MEM_COMMIT),
            Map.entry("MEM_RESERVE", (long) Ce.MEM_RESERVE),
            Map.entry("MEM_DECOMMIT", (long) Ce.MEM_DECOMMIT),
            Map.entry("MEM_RELEASE", (long) Ce.MEM_RELEASE),
            Map.entry("MEM_TOP_DOWN", (long) Ce.MEM_TOP_DOWN),
            Map.entry("MEM_AUTO_COMMIT", (long) Ce.MEM_AUTO_COMMIT));

    @Override
    public void onFile(FileFacts file, CheckerContext context) {
        for (MacroDefinition macro : file.macros()) {
            Long expected = SDK_VALUES.get(macro.name());
            if (expected == null || macro.value().isEmpty()) {
                continue; // not an SDK constant, or defined as something that is not a number here
            }
            long actual = macro.value().getAsLong() & 0xFFFFFFFFL;
            if (actual != expected) {
                String written = macro.valueText().equalsIgnoreCase(Hex.of(actual)) ? macro.valueText()
                        : macro.valueText() + " (" + Hex.of(actual) + ")";
                // Not a call: the site names the definition, which is also its identity for fingerprints.
                report(context, new CallSite(macro.location(), "", "#define " + macro.name(), List.of()),
                        macro.name() + " is defined as " + written + ", but CE's value is " + Hex.of(expected)
                                + describeClash(actual, macro.name()) + "; every call using it passes the wrong "
                                + "flag. Remove the definition and include <windows.h>", List.of());
            }
        }
    }

    /** {@code , which is PAGE_NOCACHE} when the wrong value is another constant's. */
    private static String describeClash(long value, String name) {
        return SDK_VALUES.entrySet().stream()
                .filter(e -> e.getValue() == value && !e.getKey().equals(name) && !e.getKey().equals("PAGE_WRITECOMBINE"))
                .map(e -> ", which is " + e.getKey())
                .sorted()
                .findFirst().orElse("");
    }
}
