package dev.cemap.rules.checks;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.eval.Value;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.ApiSpec;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.Hex;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "unaligned-user-exposure",
        level = Level.WARNING,
        summary = "A buffer that is not page-aligned is mapped into a user process",
        description = "VirtualAllocCopyEx and VirtualCopyEx map whole pages. A buffer that does not start or end on a "
                + "page boundary takes the rest of its first and last pages with it: the user process can read and "
                + "write whatever else the kernel keeps there (heap blocks of other drivers, stack frames).",
        help = """
                Mapping a kernel buffer into a process copies page-table entries, so the process sees whole
                4 KB pages. If the buffer is not page-aligned and a multiple of pages, the surrounding data
                is exposed (CE 6 VirtualCopy reference, "Remarks").

                ```c
                /* wrong: a LocalAlloc block shares its pages with other allocations */
                pBuf = LocalAlloc(LPTR, 600);
                pUser = VirtualAllocCopyEx(GetCurrentProcess(), hCaller, pBuf, 600, PAGE_READWRITE);

                /* right: whole pages of its own */
                pBuf = VirtualAlloc(NULL, PAGE_SIZE, MEM_COMMIT, PAGE_READWRITE);
                pUser = VirtualAllocCopyEx(GetCurrentProcess(), hCaller, pBuf, PAGE_SIZE, PAGE_READWRITE);
                ```
                """,
        tags = {"security", "wince", "memory-mapping", "information-disclosure"},
        precision = "medium",
        securitySeverity = "6.5")
public final class UnalignedUserExposure implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Call call)) {
            return;
        }
        ApiSpec api = call.api();
        if (!api.is("VirtualAllocCopyEx") && !api.is("VirtualCopyEx")) {
            return;
        }
        int sourceIndex = api.is("VirtualAllocCopyEx") ? api.parameter("address") : api.parameter("source");
        Value source = call.arguments().get(sourceIndex);
        Value size = call.arguments().get(api.parameter("size"));
        problem(source, size, call.site().argument(sourceIndex), context).ifPresent(problem -> report(context,
                call.site(), problem + "; " + api.name() + " maps whole pages into the process, exposing "
                        + "the kernel data around the buffer", List.of(new TraceStep(call.site().location(),
                                api.name() + " of " + call.site().argument(sourceIndex)))));
    }

    /** A page-aligned pointer into a buffer of whole pages the kernel allocated for it alone. */
    private static boolean wholePagesOfItsOwn(Value source, CheckerContext context) {
        return source.pointee().orElse(null) instanceof Pointee.Region region && region.offset().isPresent()
                && context.region(region.regionId()).map(origin -> origin.kind().isCommittedMemory()).orElse(false);
    }

    private static Optional<String> problem(Value source, Value size, String sourceText, CheckerContext context) {
        Pointee pointee = source.pointee().orElse(null);
        if (pointee instanceof Pointee.Heap heap) {
            return Optional.of(sourceText + " comes from " + heap.allocator() + ", which is not page-aligned");
        }
        if (pointee instanceof Pointee.Stack stack) {
            return Optional.of(sourceText + " is the local '" + stack.variable() + "' on the kernel stack");
        }
        if (pointee instanceof Pointee.Region region && region.offset().isPresent()
                && Ce.pageOffset(region.offset().getAsLong()) != 0) {
            return Optional.of(sourceText + " starts at page offset " + Hex.pageOffset(Ce.pageOffset(region.offset()
                    .getAsLong())));
        }
        if (wholePagesOfItsOwn(source, context)) {
            return Optional.empty(); // AllocPhysMem, HalAllocateCommonBuffer: the size is rounded up to pages
        }
        if (source.isKnown() && Ce.pageOffset(source.longValue()) != 0) {
            return Optional.of(sourceText + " = " + Hex.addr(source.longValue()) + " is not page-aligned");
        }
        if (size.isKnown() && Ce.pageOffset(size.longValue()) != 0) {
            return Optional.of("the size " + Hex.of(size.longValue()) + " is not a multiple of the 4 KB page");
        }
        return Optional.empty();
    }
}
