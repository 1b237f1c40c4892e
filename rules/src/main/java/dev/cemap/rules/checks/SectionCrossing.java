package dev.cemap.rules.checks;

import dev.cemap.analyzer.eval.Pointee;
import dev.cemap.analyzer.model.Level;
import dev.cemap.analyzer.replay.CallSite;
import dev.cemap.analyzer.replay.RegionOrigin;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.CopyFailure;
import dev.cemap.emulator.CopyOutcome;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.Hex;
import dev.cemap.emulator.Sections;
import dev.cemap.rules.Flows;
import dev.cemap.analyzer.replay.TraceStep;
import dev.cemap.rules.Rule;
import dev.cemap.analyzer.check.CheckerContext;
import dev.cemap.rules.RuleInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

@RuleInfo(
        id = "section-crossing",
        level = Level.ERROR,
        summary = "VirtualCopy range crosses a 32 MB section boundary",
        description = "CE 5 cannot map a VirtualCopy range that crosses a 32 MB section boundary. The CE 5 kernel "
                + "keeps a reservation under 32 MB inside one section but starts larger ones on a section boundary, "
                + "so a copy into one crosses wherever its range passes a multiple of 32 MB from the reservation's "
                + "start; a reservation at an address the code chose crosses wherever it spans one. CE 6 and later "
                + "do not enforce the boundary: there it is a note for code that is also built for CE 5.",
        help = """
                On CE 5 the page tables are organised in 32 MB sections and VirtualCopy fails when
                `[dest, dest + size)` crosses a section boundary. VirtualAlloc keeps reservations under
                32 MB inside one section, but a reservation of 32 MB or more starts on a section boundary
                and spans several, so a copy through one crosses at every 32 MB from its start. A
                reservation at an address the code passed crosses wherever it spans a multiple of 32 MB.
                MmMapIoSpace does VirtualAlloc + VirtualCopy inside and has the same limit.

                Fix (CE 5): split the copy at the boundary:

                ```c
                #define SECTION (32 * 1024 * 1024)
                VirtualCopy(pv, (PVOID)(FB_PA >> 8), SECTION, PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                VirtualCopy((PBYTE)pv + SECTION, (PVOID)((FB_PA + SECTION) >> 8), size - SECTION,
                            PAGE_READWRITE | PAGE_NOCACHE | PAGE_PHYSICAL);
                ```

                CE 6 and later do not check the boundary (the CE 6 documentation repeats the CE 5 remark,
                but the kernel does not enforce it); there cemap reports the same copies at level note,
                for code that is also built for CE 5: on CE 6 BSP trees, code built only for CE 6 is the
                rule, and a warning there would be wrong more often than right.
                """,
        tags = {"correctness", "wince", "memory-mapping", "porting"},
        precision = "medium")
public final class SectionCrossing implements Rule {

    @Override
    public void onCall(ReplayEvent event, CheckerContext context) {
        if (event instanceof ReplayEvent.Copy copy) {
            copy(copy, context);
        } else if (event instanceof ReplayEvent.MapIoSpace map) {
            map(map, context);
        }
    }

    private void copy(ReplayEvent.Copy copy, CheckerContext context) {
        if (!copy.size().isKnown()) {
            return;
        }
        long size = copy.size().longValue();
        Optional<String> message = context.target() == CeVersion.CE5
                ? crossingOnCe5(copy.outcome(), copy.destAddress(), size)
                : crossingIfBuiltForCe5(copy, size);
        message.ifPresent(text -> report(context, copy.site(), "VirtualCopy of " + Hex.of(size) + " bytes " + text,
                Flows.ofCopy(copy)));
    }

    private void map(ReplayEvent.MapIoSpace map, CheckerContext context) {
        if (!map.size().isKnown()) {
            return;
        }
        // CEDDK reserves the page offset plus the size, rounded to pages, and copies all of it
        // from the start of a fresh reservation.
        long pageOffset = map.physical().isKnown() ? Ce.pageOffset(map.physical().longValue()) : 0;
        long mapped = Ce.roundUpToPage(pageOffset + map.size().longValue());
        Optional<String> message = context.target() == CeVersion.CE5
                ? crossingOnCe5(map.outcome().map(o -> o.copy()), reservationBase(map), mapped)
                : boundaryFromSectionStart(0, mapped);
        message.ifPresent(text -> report(context, map.site(), "MmMapIoSpace's internal VirtualCopy of "
                + Hex.of(mapped) + " bytes " + text, Flows.ofMap(map)));
    }

    private static OptionalLong reservationBase(ReplayEvent.MapIoSpace map) {
        return map.outcome().flatMap(o -> o.reservation()).map(r -> OptionalLong.of(r.base()))
                .orElse(OptionalLong.empty());
    }

    /** On CE 5 the emulator places the reservation as the kernel does and says whether it crossed. */
    private static Optional<String> crossingOnCe5(Optional<CopyOutcome> outcome, OptionalLong dest, long size) {
        if (outcome.isEmpty() || !outcome.get().has(CopyFailure.CROSSES_SECTION) || dest.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong boundary = Sections.boundaryInside(dest.getAsLong(), size);
        String where = boundary.isPresent() ? " the 32 MB section boundary " + Hex.addr(boundary.getAsLong()) : " a 32 MB section boundary";
        return Optional.of("at " + Hex.addr(dest.getAsLong()) + " crosses" + where
                + "; CE 5 fails the call. Split the copy at the boundary");
    }

    /**
     * On CE 6+ the same code built for CE 5 would get a reservation of 32 MB or more starting on a
     * section boundary: the copy crosses where its offset range passes a multiple of 32 MB.
     */
    private static Optional<String> crossingIfBuiltForCe5(ReplayEvent.Copy copy, long size) {
        RegionOrigin region = copy.destRegion().orElse(null);
        if (region == null || region.size().isEmpty() || region.size().getAsLong() < Ce.SECTION_SIZE
                || !(copy.dest().pointee().orElse(null) instanceof Pointee.Region destination)
                || destination.offset().isEmpty()) {
            return Optional.empty();
        }
        return boundaryFromSectionStart(destination.offset().getAsLong(), size);
    }

    private static Optional<String> boundaryFromSectionStart(long offset, long size) {
        OptionalLong boundary = Sections.boundaryInside(offset, size);
        if (boundary.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("at offset " + Hex.of(offset) + " of its reservation crosses the 32 MB section boundary at "
                + "offset " + Hex.of(boundary.getAsLong()) + "; CE 6 and later do not enforce the boundary, but a "
                + "CE 5 build of this code fails. Split the copy at the boundary if the code is shared");
    }

    @Override
    public void report(CheckerContext context, CallSite site, String message, List<TraceStep> flow) {
        report(context, context.target() == CeVersion.CE5 ? Level.ERROR : Level.NOTE, site, message, flow);
    }
}
