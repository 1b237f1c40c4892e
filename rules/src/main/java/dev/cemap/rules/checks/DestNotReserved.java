package dev.cemap.rules.checks;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.AllocationType;
import dev.cemap.emulator.CopyFailure;
import dev.cemap.emulator.CopyOutcome;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Flows;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "dest-not-reserved",
        level = Level.ERROR,
        summary = "VirtualCopy destination is not a reserved, uncommitted region large enough for the copy",
        description = "VirtualCopy creates page-table entries in a region that VirtualAlloc reserved (MEM_RESERVE) and "
                + "that nothing has committed yet. Committed memory (MEM_COMMIT, heap, stack), pages an earlier "
                + "VirtualCopy already mapped, a released reservation, NULL, or a reservation smaller than the copy "
                + "make the kernel reject the call.",
        help = """
                The destination of VirtualCopy must be address space that is reserved and not committed:
                reserve it with `VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_NOACCESS)` (the reservation's
                protection is not checked) and make it at least as large as the copy. The kernel refuses:

                - memory committed by `VirtualAlloc(..., MEM_COMMIT, ...)`, `LocalAlloc`, `malloc`, `new`;
                - the address of a local variable or array;
                - pages that an earlier VirtualCopy already mapped;
                - a reservation that was released with `VirtualFree`;
                - a reservation smaller than the destination offset plus the copy size.

                A `MapViewOfFile` view is reserved by the kernel and is a valid destination.

                ```c
                pv = VirtualAlloc(NULL, sizeof(GPIO_REGS), MEM_RESERVE, PAGE_NOACCESS);
                VirtualCopy(pv, (PVOID)(GPIO_PA >> 8), sizeof(GPIO_REGS), PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                ```
                """,
        tags = {"correctness", "wince", "memory-mapping"},
        precision = "high")
public final class DestNotReserved implements Rule {

    private static final List<CopyFailure> DESTINATION_FAILURES = List.of(CopyFailure.DEST_NOT_RESERVED,
            CopyFailure.DEST_COMMITTED, CopyFailure.RANGE_EXCEEDS_RESERVATION);

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (!(event instanceof ReplayEvent.Copy copy)) {
            return;
        }
        problem(copy).ifPresent(problem -> report(context, copy.site(), "destination "
                + copy.site().argument(0) + " " + problem, Flows.ofCopy(copy)));
    }

    private static Optional<String> problem(ReplayEvent.Copy copy) {
        if (copy.dest().isKnown() && copy.dest().longValue() == 0 && copy.dest().pointee().isEmpty()) {
            return Optional.of("is NULL: reserve the destination with VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_NOACCESS)");
        }
        Pointee pointee = copy.dest().pointee().orElse(null);
        if (pointee instanceof Pointee.Heap heap) {
            return Optional.of("is committed memory from " + heap.allocator()
                    + ", not a reservation; reserve it with VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_NOACCESS)");
        }
        if (pointee instanceof Pointee.Stack stack) {
            return Optional.of("is the address of local '" + stack.variable()
                    + "' on the stack; reserve it with VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_NOACCESS)");
        }
        if (!(pointee instanceof Pointee.Region)) {
            return Optional.empty();
        }
        RegionOrigin region = copy.destRegion().orElse(null);
        if (region != null && region.kind().isCommittedMemory()) {
            return Optional.of("is committed memory from " + region.site().callee()
                    + ", not a reservation; reserve it with VirtualAlloc(NULL, size, MEM_RESERVE, PAGE_NOACCESS)");
        }
        if (region != null && region.site().callee().equals("VirtualAlloc") && region.allocationType().isPresent()
                && AllocationType.commits((int) region.allocationType().getAsLong())) {
            return Optional.of("was committed by " + region.site().callee() + "(..., "
                    + AllocationType.describe((int) region.allocationType().getAsLong())
                    + ", ...); VirtualCopy needs MEM_RESERVE only");
        }
        Optional<CopyOutcome> outcome = copy.outcome();
        if (outcome.isPresent()) {
            for (CopyFailure failure : DESTINATION_FAILURES) {
                if (outcome.get().has(failure)) {
                    return Optional.of(describe(failure, outcome.get(), copy));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(CopyFailure failure, CopyOutcome outcome, ReplayEvent.Copy copy) {
        String reason = outcome.reasonFor(failure);
        String at = copy.destAddress().isPresent() ? " (emulated " + Hex.addr(copy.destAddress().getAsLong()) + ")" : "";
        return switch (failure) {
            case DEST_COMMITTED -> "is already mapped" + at + ": " + reason;
            case RANGE_EXCEEDS_RESERVATION -> "is too small for the copy" + at + ": " + reason;
            default -> "is not reserved" + at + ": " + reason;
        };
    }
}
