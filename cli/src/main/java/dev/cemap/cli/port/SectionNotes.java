package dev.cemap.cli.port;

import dev.cemap.analyzer.FileAnalysis;
import dev.cemap.analyzer.model.SourceLocation;
import dev.cemap.analyzer.replay.FunctionReplay;
import dev.cemap.analyzer.replay.ReplayEvent;
import dev.cemap.emulator.Ce;
import dev.cemap.emulator.CeVersion;
import dev.cemap.emulator.CopyFailure;
import dev.cemap.emulator.Hex;
import dev.cemap.rules.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the 32 MB sections of CE 5 mean for a port: copies CE 5 code had to split at a section
 * boundary (CE 6 and later map the whole range in one call) and copies CE 5 refuses because they
 * cross one. Read from the CE 5 replay, where the emulator places reservations as that kernel does.
 */
final class SectionNotes {

    /** A split pair or a crossing copy, and what it means on the target. */
    record Note(SourceLocation first, Optional<SourceLocation> second, boolean split, long boundary, long totalBytes,
            String message) {
    }

    private SectionNotes() {
    }

    static List<Note> of(List<FileAnalysis> sourceAnalyses, CeVersion from, CeVersion to) {
        if (!from.isSlotted() || to.isSlotted()) {
            return List.of(); // only CE 5 has the section limit
        }
        List<Note> notes = new ArrayList<>();
        for (FileAnalysis analysis : sourceAnalyses) {
            for (FunctionReplay function : analysis.functions()) {
                notes.addAll(ofFunction(function, to));
            }
        }
        return notes;
    }

    private static List<Note> ofFunction(FunctionReplay function, CeVersion to) {
        Map<SourceLocation, ReplayEvent.Copy> copies = new LinkedHashMap<>();
        for (ReplayEvent event : function.events()) {
            if (event instanceof ReplayEvent.Copy copy && !copy.site().isInlined()) {
                copies.putIfAbsent(copy.site().location(), copy);
            }
        }
        List<ReplayEvent.Copy> ordered = new ArrayList<>(copies.values());
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ReplayEvent.Copy copy = ordered.get(i);
            if (copy.outcome().map(o -> o.has(CopyFailure.CROSSES_SECTION)).orElse(false) && copy.destAddress().isPresent()
                    && copy.size().isKnown()) {
                long start = copy.destAddress().getAsLong();
                long boundary = (start | (Ce.SECTION_SIZE - 1)) + 1;
                notes.add(new Note(copy.site().location(), Optional.empty(), false, boundary, copy.size().longValue(),
                        "On CE 5 this copy of " + Hex.of(copy.size().longValue()) + " bytes at " + Hex.addr(start)
                                + " crosses the 32 MB section boundary " + Hex.addr(boundary) + " and the kernel refuses it; "
                                + name(to) + " maps it. Split it at the boundary only if the code must still run on CE 5"));
            }
            for (int j = i + 1; j < ordered.size(); j++) {
                splitPair(copy, ordered.get(j), to).ifPresent(notes::add);
            }
        }
        return notes;
    }

    /** Two copies that map one contiguous range, cut where the first ends on a section boundary. */
    private static Optional<Note> splitPair(ReplayEvent.Copy first, ReplayEvent.Copy second, CeVersion to) {
        if (first.destAddress().isEmpty() || second.destAddress().isEmpty() || !first.size().isKnown()
                || !second.size().isKnown() || !first.source().isKnown() || !second.source().isKnown()) {
            return Optional.empty();
        }
        long firstEnd = first.destAddress().getAsLong() + first.size().longValue();
        boolean physical = Values.isPhysicalCopy(first.protect()) && Values.isPhysicalCopy(second.protect());
        long sourceStep = physical ? Values.physicalOf(second.source()) - Values.physicalOf(first.source())
                : second.source().longValue() - first.source().longValue();
        if (second.destAddress().getAsLong() != firstEnd || firstEnd % Ce.SECTION_SIZE != 0
                || sourceStep != first.size().longValue()) {
            return Optional.empty();
        }
        long total = first.size().longValue() + second.size().longValue();
        return Optional.of(new Note(first.site().location(), Optional.of(second.site().location()), true, firstEnd, total,
                "CE 5 needed this mapping split at the 32 MB section boundary " + Hex.addr(firstEnd) + ": lines "
                        + first.site().location().line() + " and " + second.site().location().line()
                        + " map one contiguous range of " + Hex.of(total) + " bytes. " + name(to)
                        + " does not enforce the boundary, so one VirtualCopy of " + Hex.of(total)
                        + " bytes does the same; keep the split while the code is still built for CE 5"));
    }

    private static String name(CeVersion version) {
        return "CE " + Integer.toHexString(version.wceVersion()).charAt(0);
    }
}
